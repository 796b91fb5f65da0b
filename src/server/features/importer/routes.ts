import { PassThrough } from 'node:stream';
import { fileResponse } from '../../../shared/api/common';
import { z } from 'zod';
import { ZImportPreview, ZImportResult, ZImportRole, type TImportLine } from '../../../shared/api/importer';
import { AppError } from '../../platform/errors';
import { translate } from '../../platform/messages';
import { authorize } from '../../platform/policy';
import { problemFor } from '../../platform/problem';
import { route } from '../../platform/route';
import { commitImport } from './commit';
import { deliverInvitations } from './deliver';
import { planImport, summarise, type ImportRow } from './preview';

/** What to do besides writing the rows (the body is the file itself): a role for those in the file without one, invitations for those never invited. */
const ZImportOptions = z.strictObject({ role: ZImportRole.optional(), invite: z.enum(['true', 'false']).optional() });

const bytesOf = (body: unknown): Uint8Array => {
  if (body instanceof Uint8Array) return body;
  throw new AppError(415, 'unsupported_media_type');
};

const previewImport = route({
  method: 'POST',
  url: '/people/import/preview',
  summary: 'Check a staff CSV and show every row with its errors; writes nothing',
  tags: ['people'],
  action: 'people:import',
  rawBody: 'csv',
  response: ZImportPreview,
  handler: async ({ db, actor, req }) => {
    const plan = await planImport(db, actor.school.id, bytesOf(req.body));
    const present = (r: ImportRow) => ({
      line: r.line,
      name: r.name,
      email: r.email,
      jobTitle: r.jobTitle,
      department: r.department,
      employmentStart: r.employmentStart,
      action: r.action,
      errors: r.errors.map((e) => ({ field: e.field, code: e.key.replace(/^validation\./, ''), message: translate(req.locale, e.key, { field: translate(req.locale, `fields.${e.field}`), ...e.vars }) })),
    });
    return { encoding: plan.encoding, separator: plan.separator, columns: plan.columns, summary: summarise(plan.rows), rows: plan.rows.map(present) };
  },
});

/**
 * All or nothing, and with Accept: application/x-ndjson it streams progress while it writes. The
 * import keeps its own transaction (commitImport; writes: false here): the progress lines must
 * reach the client while the transaction runs, a failure must still roll back every row after the
 * stream has started (it ends with an error line instead of a status), and the planner statistics
 * are refreshed after the commit. commitImport writes the audit event in that transaction.
 */
const runImport = route({
  method: 'POST',
  url: '/people/import',
  summary: 'Import a checked staff CSV in one transaction (all or nothing), optionally giving a role and invitations; with Accept: application/x-ndjson it streams progress',
  tags: ['people'],
  action: 'people:import',
  rawBody: 'csv',
  query: ZImportOptions,
  response: fileResponse('application/x-ndjson; charset=utf-8'),
  handler: async ({ db, actor, req, reply, query, deps }) => {
    const grant = { role: query.role, invite: query.invite === 'true', canEmail: deps.mailer.enabled };
    // The import gives roles and invitations as a person's page does: under the same rights.
    if (grant.role) authorize(actor, 'person:assignRoles');
    if (grant.invite) authorize(actor, 'person:invite');
    const plan = await planImport(db, actor.school.id, bytesOf(req.body));
    const bad = plan.rows.filter((r) => r.errors.length > 0);
    if (bad.length) {
      throw new AppError(422, 'import_has_errors', {
        fields: bad.slice(0, 50).flatMap((r) => r.errors.map((e) => ({ ...e, field: `line ${r.line}: ${e.field}` }))),
      });
    }
    if (!(req.headers.accept ?? '').includes('application/x-ndjson')) {
      const result = await deliverInvitations(deps, req, actor, await commitImport(db, actor, plan.rows, () => {}, grant));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(ZImportResult.encode(result)));
    }
    const stream = new PassThrough();
    const write = (line: TImportLine) => stream.write(`${JSON.stringify(line)}\n`);
    reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store');
    void reply.send(stream);
    write({ type: 'progress', done: 0, total: plan.rows.filter((r) => r.action !== 'unchanged').length });
    try {
      const committed = await commitImport(db, actor, plan.rows, (done, total) => write({ type: 'progress', done, total }), grant);
      write({ type: 'done', ...(await deliverInvitations(deps, req, actor, committed)) });
    } catch (e) {
      req.log.error({ err: e }, 'import failed');
      write({ type: 'error', problem: problemFor(new AppError(500, 'internal'), req.locale) });
    }
    stream.end();
    return reply;
  },
});

export const importRoutes = [previewImport, runImport];
