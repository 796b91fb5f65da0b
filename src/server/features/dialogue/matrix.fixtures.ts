import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { SchoolRole } from '../../../shared/roles';
import { dialogueComments, dialogueItems, dialogueParticipants, dialogueSessions, personRoles, type DialogueAudience } from '../../db/schema/index';
import type { FeatureMatrix, MatrixCtx } from '../../test/matrix';
import { todayInCopenhagen } from '../../platform/time';
import { addDays } from '../home/api';
import type { DialogueSessionResource } from './policy';
import { CODE_LENGTH, CODE_LETTERS } from './sessions-commands';

type Kind = 'draft' | 'live' | 'async';
const AUDIENCE: DialogueAudience = { roles: ['teacher', 'student'], departmentIds: [], teamIds: [] };

/** Authorization-matrix fixtures for the dialogue's templates, sessions, live control and asynchronous answering: school A's and school B's (404). */
export const dialogueMatrix: FeatureMatrix = async ({ db, a, b, deptA, deptB, adminA, adminB }) => {
  const today = todayInCopenhagen();
  const code = () => Array.from({ length: CODE_LENGTH }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');
  /** A session with two items: a draft, an open live session (first item current) or an open asynchronous one. */
  const newSession = async (schoolId: string, departmentId: string, createdBy: string, kind: Kind) => {
    const live = kind === 'live';
    const [s] = await db
      .insert(dialogueSessions)
      .values({
        schoolId,
        title: `Matrix ${kind}`,
        mode: kind === 'async' ? 'async' : 'live',
        status: kind === 'draft' ? 'draft' : 'open',
        departmentId,
        createdBy,
        code: live ? code() : null,
        joinOpen: live,
        audience: kind === 'async' ? AUDIENCE : null,
        opensOn: kind === 'async' ? addDays(today, -1) : null,
        closesOn: kind === 'async' ? addDays(today, 7) : null,
      })
      .returning();
    if (!s) throw new Error('session');
    const items = await db
      .insert(dialogueItems)
      .values(
        [0, 1].map((position) => ({
          schoolId,
          sessionId: s.id,
          pairKey: position ? 'kultur-strategi' : 'teknik-paedagogik',
          leftDa: 'A',
          rightDa: 'B',
          leftEn: 'A',
          rightEn: 'B',
          position,
          state: kind === 'draft' ? 'pending' : kind === 'async' || position === 0 ? 'open' : 'pending',
        })),
      )
      .returning();
    const first = items[0];
    if (!first) throw new Error('items');
    if (live) await db.update(dialogueSessions).set({ currentItemId: first.id }).where(eq(dialogueSessions.id, s.id));
    return { ...s, itemId: first.id };
  };
  const inA = (kind: Kind) => newSession(a.id, deptA, adminA.id, kind);
  const inB = (kind: Kind) => newSession(b.id, deptB, adminB.id, kind);
  const withComment = async (s: { schoolId: string; id: string; itemId: string }) => {
    const [p] = await db.insert(dialogueParticipants).values({ schoolId: s.schoolId, sessionId: s.id }).returning();
    const [c] = await db.insert(dialogueComments).values({ schoolId: s.schoolId, sessionId: s.id, itemId: s.itemId, participantId: p?.id ?? null, text: 'Godt spørgsmål' }).returning();
    if (!c) throw new Error('comment');
    return c.id;
  };
  const rolesOf = async (c: MatrixCtx) =>
    c.self ? (await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, c.self.id))).map((r) => r.role as SchoolRole) : [];
  const resource = async (c: MatrixCtx, kind: Kind): Promise<DialogueSessionResource> => ({
    kind: 'dialogueSession',
    departmentId: deptA,
    createdBy: adminA.id,
    audienceMember: kind === 'async' && (await rolesOf(c)).some((r) => AUDIENCE.roles.includes(r)),
  });
  const live = await inA('live');
  const asyncA = await inA('async');
  const liveB = await inB('live');
  const asyncB = await inB('async');
  const s = (id: string, rest = '') => `/api/v1/dialogue/sessions/${id}${rest}`;
  return {
    'GET /api/v1/dialogue/templates': { own: () => ({ url: '/api/v1/dialogue/templates' }) },
    'POST /api/v1/dialogue/pairs': { own: () => ({ url: '/api/v1/dialogue/pairs', body: { left: { da: 'Hurtigt' }, right: { da: 'grundigt' } } }) },
    'PATCH /api/v1/dialogue/pairs/:key': { own: () => ({ url: '/api/v1/dialogue/pairs/teknik-paedagogik', body: { archived: false } }) },
    'PUT /api/v1/dialogue/boundaries/:key': {
      own: () => ({ url: '/api/v1/dialogue/boundaries/vertical', body: { name: { da: 'Vertikale grænser' }, description: { da: 'Mellem niveauer' } } }),
    },
    'GET /api/v1/dialogue/sessions': { own: () => ({ url: '/api/v1/dialogue/sessions' }) },
    'POST /api/v1/dialogue/sessions': {
      own: () => ({ url: '/api/v1/dialogue/sessions', body: { title: 'Ny', mode: 'live', departmentId: deptA }, resource: { kind: 'dialogueNewSession', departmentId: deptA } }),
    },
    'GET /api/v1/dialogue/sessions/:id': { own: async (c) => ({ url: s(asyncA.id), resource: await resource(c, 'async') }), other: () => ({ url: s(asyncB.id) }) },
    'PATCH /api/v1/dialogue/sessions/:id': {
      own: async (c) => ({ url: s((await inA('draft')).id), body: { title: 'Omdøbt' }, resource: await resource(c, 'draft') }),
      other: async () => ({ url: s((await inB('draft')).id), body: { title: 'Hacket' } }),
    },
    'PUT /api/v1/dialogue/sessions/:id/items': {
      own: async (c) => ({ url: s((await inA('draft')).id, '/items'), body: { items: [{ pairKey: 'fravalg-valg' }] }, resource: await resource(c, 'draft') }),
      other: async () => ({ url: s((await inB('draft')).id, '/items'), body: { items: [] } }),
    },
    'POST /api/v1/dialogue/sessions/:id/copy': {
      own: async (c) => ({ url: s(live.id, '/copy'), body: {}, resource: await resource(c, 'live') }),
      other: () => ({ url: s(liveB.id, '/copy'), body: {} }),
    },
    'POST /api/v1/dialogue/sessions/:id/open': {
      own: async (c) => ({ url: s((await inA('draft')).id, '/open'), body: {}, resource: await resource(c, 'draft') }),
      other: async () => ({ url: s((await inB('draft')).id, '/open'), body: {} }),
    },
    'DELETE /api/v1/dialogue/sessions/:id': {
      own: async (c) => ({ url: s((await inA('draft')).id), resource: await resource(c, 'draft') }),
      other: async () => ({ url: s((await inB('draft')).id) }),
    },
    'GET /api/v1/dialogue/sessions/:id/live': { own: async (c) => ({ url: s(live.id, '/live'), resource: await resource(c, 'live') }), other: () => ({ url: s(liveB.id, '/live') }) },
    'GET /api/v1/dialogue/sessions/:id/screen': {
      own: async (c) => ({ url: s(live.id, '/screen'), resource: await resource(c, 'live') }),
      other: () => ({ url: s(liveB.id, '/screen') }),
    },
    'POST /api/v1/dialogue/sessions/:id/control': {
      own: async (c) => ({ url: s((await inA('live')).id, '/control'), body: { op: 'closeJoin' }, resource: await resource(c, 'live') }),
      other: () => ({ url: s(liveB.id, '/control'), body: { op: 'close' } }),
    },
    'POST /api/v1/dialogue/sessions/:id/comments/:commentId/moderate': {
      own: async (c) => ({ url: s(live.id, `/comments/${await withComment(live)}/moderate`), body: { status: 'approved' }, resource: await resource(c, 'live') }),
      other: async () => ({ url: s(liveB.id, `/comments/${await withComment(liveB)}/moderate`), body: { status: 'approved' } }),
    },
    'GET /api/v1/dialogue/sessions/:id/qr.svg': { own: async (c) => ({ url: s(live.id, '/qr.svg'), resource: await resource(c, 'live') }), other: () => ({ url: s(liveB.id, '/qr.svg') }) },
    'GET /api/v1/dialogue/sessions/:id/my-answers': {
      own: async (c) => ({ url: s(asyncA.id, '/my-answers'), resource: await resource(c, 'async') }),
      other: () => ({ url: s(asyncB.id, '/my-answers') }),
    },
    'PUT /api/v1/dialogue/sessions/:id/my-answers': {
      own: async (c) => ({ url: s(asyncA.id, '/my-answers'), body: { answers: [{ itemId: asyncA.itemId, now: 40, wanted: 70 }] }, resource: await resource(c, 'async') }),
      other: () => ({ url: s(asyncB.id, '/my-answers'), body: { answers: [{ itemId: asyncB.itemId, now: 40 }] } }),
    },
  };
};
export { dialogueResultsMatrix } from './results-matrix';
