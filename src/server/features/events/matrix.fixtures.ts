import {
  networkEventMaterials,
  networkEvents,
  networkEventSessions,
  networkEventSignups,
  networks,
  type NetworkEventKind,
  type NetworkEventStatus,
} from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { FeatureMatrix, MatrixCtx } from '../../test/matrix';
import { eventResource } from './queries';

const DAY = 86_400_000;

type Made = { event: typeof networkEvents.$inferSelect; sessionId: string };

/** An event with one session a week ahead (seats for every role of the matrix). */
type MakeOpts = { status?: NetworkEventStatus; kind?: NetworkEventKind; schoolId?: string | null };
async function makeEvent(db: Db, networkId: string, opts: MakeOpts = {}): Promise<Made> {
  const [event] = await db
    .insert(networkEvents)
    .values({ networkId, kind: opts.kind ?? 'webinar', title: 'Matrix-webinar', status: opts.status ?? 'published', organiserSchoolId: opts.schoolId ?? null })
    .returning();
  if (!event) throw new Error('event');
  const startsAt = new Date(Date.now() + 7 * DAY);
  const [session] = await db
    .insert(networkEventSessions)
    .values({ eventId: event.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), onlineUrl: 'https://meet.example/matrix', capacity: 100 })
    .returning();
  if (!session) throw new Error('session');
  return { event, sessionId: session.id };
}

const resourceOf = (m: Made, session = false) => ({ ...eventResource(m.event), ...(session ? { sessionOpen: true } : {}) });

/** Signs the acting person up directly (a coordinator has no person and is refused before it matters). */
async function signUpSelf(db: Db, c: MatrixCtx, m: Made) {
  if (!c.self) return;
  await db.insert(networkEventSignups).values({ sessionId: m.sessionId, eventId: m.event.id, schoolId: c.a.id, personId: c.self.id, status: 'confirmed' });
}

/** Authorization-matrix fixtures for events: the network of schools A and B, and another network's event (404). */
export const eventsMatrix: FeatureMatrix = async ({ db, a }) => {
  const [other] = await db.insert(networks).values({ name: `Andet netværk ${Date.now()}` }).returning({ id: networks.id });
  if (!other) throw new Error('network');
  const foreign = await makeEvent(db, other.id, { kind: 'learning_factory' });
  const [foreignMaterial] = await db
    .insert(networkEventMaterials)
    .values({ eventId: foreign.event.id, phase: 'before', title: 'Fremmed', url: 'https://example.org/x' })
    .returning();
  const published = await makeEvent(db, a.networkId);
  const lf = await makeEvent(db, a.networkId, { kind: 'learning_factory' });
  const ev = (m: Made, tail = '') => `/api/v1/events/${m.event.id}${tail}`;
  const se = (m: Made, tail = '') => `/api/v1/events/sessions/${m.sessionId}${tail}`;
  const otherEvent = (tail = '', body?: Record<string, unknown>) => () => ({ url: ev(foreign, tail), body });
  const otherSession = (tail = '', body?: Record<string, unknown>) => () => ({ url: se(foreign, tail), body });
  const starts = Date.now() + 9 * DAY;
  const session = { startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 3_600_000).toISOString(), place: 'Odense', capacity: 20 };

  return {
    'GET /api/v1/events': { own: () => ({ url: '/api/v1/events' }) },
    'POST /api/v1/events': { own: () => ({ url: '/api/v1/events', body: { kind: 'webinar', title: 'Nyt webinar' } }) },
    'GET /api/v1/events/materials': { own: () => ({ url: '/api/v1/events/materials?q=x' }) },
    'GET /api/v1/events/:id': { own: () => ({ url: ev(published), resource: resourceOf(published) }), other: otherEvent() },
    'PATCH /api/v1/events/:id': {
      own: () => ({ url: ev(published), body: { description: 'Ny beskrivelse' }, resource: resourceOf(published) }),
      other: otherEvent('', { description: 'x' }),
    },
    'POST /api/v1/events/:id/publish': {
      own: async () => {
        const draft = await makeEvent(db, a.networkId, { status: 'draft' });
        return { url: ev(draft, '/publish'), resource: resourceOf(draft) };
      },
      other: otherEvent('/publish'),
    },
    'POST /api/v1/events/:id/cancel': {
      own: async () => {
        const fresh = await makeEvent(db, a.networkId);
        return { url: ev(fresh, '/cancel'), resource: resourceOf(fresh) };
      },
      other: otherEvent('/cancel'),
    },
    'GET /api/v1/events/:id/participants': {
      own: () => ({ url: ev(published, '/participants'), resource: resourceOf(published) }),
      other: otherEvent('/participants'),
    },
    'POST /api/v1/events/:id/sessions': {
      own: () => ({ url: ev(published, '/sessions'), body: session, resource: resourceOf(published) }),
      other: otherEvent('/sessions', session),
    },
    'PATCH /api/v1/events/sessions/:id': {
      own: () => ({ url: se(published), body: { capacity: 120 }, resource: resourceOf(published, true) }),
      other: otherSession('', { capacity: 120 }),
    },
    'POST /api/v1/events/sessions/:id/cancel': {
      own: async () => {
        const fresh = await makeEvent(db, a.networkId);
        return { url: se(fresh, '/cancel'), resource: resourceOf(fresh, true) };
      },
      other: otherSession('/cancel'),
    },
    'POST /api/v1/events/sessions/:id/signup': {
      own: () => ({ url: se(published, '/signup'), body: {}, resource: resourceOf(published, true) }),
      other: otherSession('/signup', {}),
    },
    'DELETE /api/v1/events/sessions/:id/signup': {
      own: async (c) => {
        const fresh = await makeEvent(db, a.networkId);
        await signUpSelf(db, c, fresh);
        return { url: se(fresh, '/signup'), resource: resourceOf(fresh, true) };
      },
      other: otherSession('/signup'),
    },
    'PUT /api/v1/events/:id/project': {
      own: async (c) => {
        await signUpSelf(db, c, lf);
        return { url: ev(lf, '/project'), body: { problem: 'Vores problem', product: '' }, resource: resourceOf(lf) };
      },
      other: otherEvent('/project', { problem: 'x' }),
    },
    'POST /api/v1/events/:id/materials': {
      own: () => ({
        url: ev(published, '/materials'),
        body: { phase: 'before', title: 'Slides', url: 'https://example.org/slides' },
        resource: resourceOf(published),
      }),
      other: otherEvent('/materials', { phase: 'before', title: 'x', url: 'https://example.org/x' }),
    },
    'DELETE /api/v1/events/materials/:id': {
      own: async () => {
        const [m] = await db
          .insert(networkEventMaterials)
          .values({ eventId: published.event.id, phase: 'after', title: 'Optagelse', url: 'https://example.org/rec' })
          .returning();
        return { url: `/api/v1/events/materials/${m?.id ?? ''}`, resource: resourceOf(published) };
      },
      other: () => ({ url: `/api/v1/events/materials/${foreignMaterial?.id ?? ''}` }),
    },
  };
};
