import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors';
import { hasMessage, translate, type Locale } from './messages';

type Issue = { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };

const pathOf = (context: string | undefined, instancePath: string) => {
  const p = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return p || context || 'body';
};

/** Maps a zod issue to a message key naming the field. */
function fieldErrorFromIssue(issue: Issue, context: string | undefined): FieldError {
  const field = pathOf(context, issue.instancePath);
  const p = issue.params;
  if (issue.message.startsWith('validation.') && hasMessage(issue.message)) return { field, key: issue.message };
  switch (issue.keyword) {
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? (p.keys as string[]) : [];
      const name = keys[0] ?? field;
      return { field: issue.instancePath === '/' || !issue.instancePath ? name : `${field}.${name}`, key: 'validation.unknown_field' };
    }
    case 'invalid_type':
      return { field, key: /received undefined/.test(issue.message) ? 'validation.required' : 'validation.invalid_type' };
    case 'too_small':
      if (p.origin === 'string') return { field, key: p.minimum === 1 ? 'validation.required' : 'validation.too_short', vars: { min: Number(p.minimum) } };
      return { field, key: 'validation.too_small', vars: { min: Number(p.minimum) } };
    case 'too_big':
      if (p.origin === 'string') return { field, key: 'validation.too_long', vars: { max: Number(p.maximum) } };
      return { field, key: 'validation.too_big', vars: { max: Number(p.maximum) } };
    case 'invalid_format':
      return { field, key: p.format === 'email' ? 'validation.invalid_email' : 'validation.invalid_format' };
    default:
      return { field, key: 'validation.invalid_value' };
  }
}

const fieldLabel = (locale: Locale, field: string) => {
  const last = field.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? field;
  const key = `fields.${last}`;
  return hasMessage(key) ? translate(locale, key) : last;
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
};

export function problemFor(error: AppError, locale: Locale): Problem {
  const problem: Problem = {
    type: `about:blank`,
    title: translate(locale, `errors.${error.code}`, error.options.vars),
    status: error.status,
    code: error.code,
  };
  if (error.options.detailKey) problem.detail = translate(locale, error.options.detailKey, error.options.vars);
  if (error.options.fields?.length) {
    problem.errors = error.options.fields.map((f) => ({
      field: f.field,
      code: f.key.replace(/^validation\./, ''),
      message: translate(locale, f.key, { field: fieldLabel(locale, f.field), ...f.vars }),
    }));
    if (!problem.detail) problem.detail = problem.errors.map((e) => e.message).join('. ');
  }
  return problem;
}

const BROKEN_MULTIPART = /unexpected end of multipart data$|^Multipart: Boundary not found$|^Malformed part header$/i;

/** Turns any thrown error into problem+json. Unexpected errors are logged and answered with 500 without details. */
export function toAppError(err: FastifyError | Error): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const ctx = (err as FastifyError).validationContext;
    return new AppError(422, 'validation_failed', {
      fields: (err.validation as unknown as Issue[]).map((i) => fieldErrorFromIssue(i, ctx)),
    });
  }
  const code = (err as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'invalid_json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(415, 'unsupported_media_type');
  }
  if (err instanceof SyntaxError && (err as FastifyError).statusCode === 400) return new AppError(400, 'invalid_json');
  // a broken multipart body: the parser's errors carry no code, only these messages
  if (BROKEN_MULTIPART.test(err.message)) return new AppError(400, 'bad_request');
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return new AppError(status, status === 404 ? 'not_found' : 'bad_request');
  return null;
}

export function sendProblem(reply: FastifyReply, req: FastifyRequest, error: AppError): FastifyReply {
  if (error.options.headers) reply.headers(error.options.headers);
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemFor(error, req.locale ?? 'da'));
}
