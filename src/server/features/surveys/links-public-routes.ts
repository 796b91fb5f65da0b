import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZSurveyDraftInput, ZSurveyDraftSaved, ZSurveySheet } from '../../../shared/api/surveys';
import type { Executor } from '../../db/client';
import { SURVEY_NO_DEPARTMENT } from '../../db/schema/index';
import { audit } from '../../platform/audit';
import type { AppDeps } from '../../platform/deps';
import { hashSecret } from '../../platform/tokens';
import { route } from '../../platform/route';
import { submitSheet, saveDraft } from './answer-commands';
import { roundNotOpen, sheetFor, type Respondent } from './answer-sheet';
import { linkByToken } from './links-commands';
import { takeLinkRequest } from './links-rate-limit';
import { ZLinkToken } from './links-routes';
import { linkKey } from './rounds-model';
import type { TSurveyGroup } from '../../../shared/api/surveys';

/*
 * Answering through a link, without an account: the token in the URL names the round and group;
 * a cookie per browser (random, HttpOnly, SameSite=Lax, scoped to the link's path; only its
 * SHA-256 is stored) keeps the draft on this device and allows one submission per browser.
 */

const tags = ['surveys'];
export const BROWSER_COOKIE = 'retning_survey';
/** How long a browser keeps its answer cookie: longer than any round runs. */
const COOKIE_DAYS = 180;
const COOKIE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The browser's key, from its cookie; a browser without one (or with a malformed one) gets a new cookie. */
function browserKey(req: FastifyRequest, reply: FastifyReply, token: string): string {
  const path = `/api/v1/surveys/public/${token}`;
  let value = req.cookies[BROWSER_COOKIE];
  if (!value || !COOKIE_SHAPE.test(value)) {
    value = randomBytes(32).toString('base64url');
    reply.setCookie(BROWSER_COOKIE, value, { path, httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: COOKIE_DAYS * 86_400 });
  }
  return linkKey(hashSecret(value));
}

async function respondent(db: Executor, deps: AppDeps, req: FastifyRequest, reply: FastifyReply, token: string): Promise<Respondent> {
  takeLinkRequest(deps, req.ip);
  const { link, round, schoolName } = await linkByToken(db, hashSecret(token));
  const closed = roundNotOpen(round);
  if (closed) throw closed;
  return { round, group: link.group as TSurveyGroup, departmentKey: link.departmentId ?? SURVEY_NO_DEPARTMENT, ownerKey: browserKey(req, reply, token), personId: null, schoolName };
}

export const publicLinkRoutes = [
  route({
    method: 'GET',
    url: '/surveys/public/:token',
    summary: "A link's answer sheet, with what this browser saved (404 unknown link, 410 revoked)",
    tags,
    access: 'public',
    action: null,
    params: ZLinkToken,
    response: ZSurveySheet,
    handler: async ({ db, deps, req, reply, params }) => sheetFor(db, await respondent(db, deps, req, reply, params.token)),
  }),
  route({
    method: 'PUT',
    url: '/surveys/public/:token/draft',
    summary: "Save part of this browser's sheet, to resume on the same device",
    tags,
    access: 'public',
    action: null,
    params: ZLinkToken,
    body: ZSurveyDraftInput,
    response: ZSurveyDraftSaved,
    writes: true,
    // An unsent sheet without a person: nothing for the log (docs/surveys.md).
    audit: false,
    handler: async ({ db, deps, req, reply, params, body }) => saveDraft(db, await respondent(db, deps, req, reply, params.token), body),
  }),
  route({
    method: 'POST',
    url: '/surveys/public/:token/submit',
    summary: "Submit this browser's sheet (once per browser)",
    tags,
    access: 'public',
    action: null,
    params: ZLinkToken,
    body: ZSurveyDraftInput,
    status: 201,
    response: ZSurveyDraftSaved,
    writes: true,
    // Audited below as the link's, by day only: there is no person to name.
    audit: false,
    handler: async ({ db, deps, req, reply, params, body }) => {
      const r = await respondent(db, deps, req, reply, params.token);
      const saved = await submitSheet(db, r, body);
      await audit(db, { system: 'Svarlink', schoolId: r.round.schoolId }, { action: 'surveys.sheet_submitted', resourceType: 'survey_round', resourceId: r.round.id, summary: r.round.name, precision: 'day' });
      return saved;
    },
  }),
];
