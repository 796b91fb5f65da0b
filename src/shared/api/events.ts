import { z } from 'zod';
import { ZAbilities, ZDateTime, ZTimestamp } from './common';

/*
 * Events of a network (docs/network.md, "Events"): webinar series and Learning Factories, their
 * sessions with seats and a waiting list, materials before and after, and for a Learning Factory
 * each participant's own problem and product.
 */

export const EVENT_LIMITS = { title: 200, text: 4000, place: 200, url: 500, capacity: 10000, query: 100 } as const;
export const EVENT_KINDS = ['webinar', 'learning_factory'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const SIGNUP_STATUSES = ['confirmed', 'waiting'] as const;
export const MATERIAL_PHASES = ['before', 'after'] as const;

const title = z.string().trim().min(1).max(EVENT_LIMITS.title);
const text = z.string().trim().max(EVENT_LIMITS.text);
/** A link to somewhere else: http or https only (no javascript:, data: …). */
const link = z.url({ protocol: /^https?$/ }).max(EVENT_LIMITS.url);

/* ---------------------------------------------------------------- events */

/**
 * POST /events. The organiser follows from the actor: a coordinator's event belongs to the
 * network, a school administrator's or top management's to their school.
 */
export const ZEventInput = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  title,
  description: text.default(''),
});
export type TEventInput = z.input<typeof ZEventInput>;

/** PATCH /events/:id: the kind stays what it was created as. */
export const ZEventPatch = z.strictObject({ title: title.optional(), description: text.optional() });
export type TEventPatch = z.input<typeof ZEventPatch>;

/** GET /events: `mine` lists only events with a sign-up of mine; `past` includes events whose sessions are all over. */
export const ZEventsQuery = z.strictObject({
  mine: z.enum(['true', 'false']).optional(),
  past: z.enum(['true', 'false']).optional(),
});

/* ---------------------------------------------------------------- sessions */

const sessionFields = {
  startsAt: ZDateTime,
  endsAt: ZDateTime,
  onlineUrl: link.nullable(),
  place: z.string().trim().max(EVENT_LIMITS.place).nullable(),
  capacity: z.number().int().min(1).max(EVENT_LIMITS.capacity),
};
/** POST /events/:id/sessions: an online link or a place (at least one), the end after the start, at least one seat. */
export const ZSessionInput = z.strictObject({
  ...sessionFields,
  onlineUrl: sessionFields.onlineUrl.default(null),
  place: sessionFields.place.default(null),
});
export type TSessionInput = z.input<typeof ZSessionInput>;
/** PATCH /events/sessions/:id: capacity below the confirmed count is refused (409 naming `capacity`); above it promotes from the waiting list. */
export const ZSessionPatch = z.strictObject({
  startsAt: sessionFields.startsAt.optional(),
  endsAt: sessionFields.endsAt.optional(),
  onlineUrl: sessionFields.onlineUrl.optional(),
  place: sessionFields.place.optional(),
  capacity: sessionFields.capacity.optional(),
});
export type TSessionPatch = z.input<typeof ZSessionPatch>;

/** My sign-up for one session: confirmed, or waiting at `position` (1 = next to get a seat). */
export const ZMySignup = z.object({
  status: z.enum(SIGNUP_STATUSES),
  position: z.number().int().nullable(),
  signedUpAt: ZTimestamp,
});
export type TMySignup = z.input<typeof ZMySignup>;

export const ZEventSession = z.object({
  id: z.string(),
  startsAt: ZTimestamp,
  endsAt: ZTimestamp,
  onlineUrl: z.string().nullable(),
  place: z.string().nullable(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waiting: z.number().int(),
  seatsLeft: z.number().int(),
  cancelled: z.boolean(),
  /** Published, not cancelled, not yet begun: sign-up is possible (confirmed or waiting). */
  open: z.boolean(),
  mySignup: ZMySignup.nullable(),
});
export type TEventSession = z.input<typeof ZEventSession>;

export const ZEventOrganiser = z.object({
  /** `network`: the network's coordinators; `school`: a school of the network. */
  kind: z.enum(['network', 'school']),
  name: z.string(),
  schoolId: z.string().nullable(),
});

export const ZEventListItem = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  description: z.string(),
  status: z.enum(EVENT_STATUSES),
  organiser: ZEventOrganiser,
  /** Sessions in time order, with seats left and my sign-up status for each. */
  sessions: z.array(ZEventSession),
  /** The first session not yet over; null when all are over or there are none. */
  nextStartsAt: ZTimestamp.nullable(),
});
export type TEventListItem = z.input<typeof ZEventListItem>;

export const ZEventList = z.object({ items: z.array(ZEventListItem), abilities: ZAbilities });
export type TEventList = z.input<typeof ZEventList>;

/* ---------------------------------------------------------------- materials */

/** POST /events/:id/materials. */
export const ZMaterialInput = z.strictObject({
  phase: z.enum(MATERIAL_PHASES),
  title,
  url: link,
  description: text.default(''),
});
export type TMaterialInput = z.input<typeof ZMaterialInput>;

export const ZEventMaterial = z.object({
  id: z.string(),
  phase: z.enum(MATERIAL_PHASES),
  title: z.string(),
  url: z.string(),
  description: z.string(),
  createdAt: ZTimestamp,
});
export type TEventMaterial = z.input<typeof ZEventMaterial>;

/** GET /events/materials?q=: materials of the network's published events, for the network library. */
export const ZMaterialsQuery = z.strictObject({ q: z.string().trim().max(EVENT_LIMITS.query).optional() });
export const ZMaterialSearchItem = ZEventMaterial.extend({
  event: z.object({ id: z.string(), title: z.string(), kind: z.enum(EVENT_KINDS) }),
});
export type TMaterialSearchItem = z.input<typeof ZMaterialSearchItem>;
export const ZMaterialSearch = z.object({ items: z.array(ZMaterialSearchItem) });
export type TMaterialSearch = z.input<typeof ZMaterialSearch>;

/* ---------------------------------------------------------------- sign-up and project */

/** POST /events/sessions/:id/signup: for a Learning Factory `problem` is required (validation names it). */
export const ZSignupInput = z.strictObject({ problem: text.optional() });
export type TSignupInput = z.input<typeof ZSignupInput>;
export const ZSignupResult = z.object({ sessionId: z.string(), signup: ZMySignup });
export type TSignupResult = z.input<typeof ZSignupResult>;

/** PUT /events/:id/project: my Learning Factory project (only after signing up). */
export const ZProjectInput = z.strictObject({
  problem: text.min(1),
  product: text.default(''),
  productUrl: link.nullable().default(null),
});
export type TProjectInput = z.input<typeof ZProjectInput>;
export const ZEventProject = z.object({
  problem: z.string(),
  product: z.string(),
  productUrl: z.string().nullable(),
  updatedAt: ZTimestamp,
});
export type TEventProject = z.input<typeof ZEventProject>;

/* ---------------------------------------------------------------- detail */

/** A school leader's view of their own staff's sign-ups for the event (nothing of other schools). */
export const ZStaffSignup = z.object({
  personId: z.string(),
  name: z.string(),
  sessionId: z.string(),
  status: z.enum(SIGNUP_STATUSES),
});

export const ZEventDetail = ZEventListItem.extend({
  materials: z.array(ZEventMaterial),
  /** Mine, for a Learning Factory I signed up for; else null. */
  myProject: ZEventProject.nullable(),
  /** Filled for the leaders of a school of the network (their own staff only); else empty. */
  staffSignups: z.array(ZStaffSignup),
  abilities: ZAbilities,
});
export type TEventDetail = z.input<typeof ZEventDetail>;

/* ---------------------------------------------------------------- participants (organiser) */

export const ZParticipant = z.object({
  signupId: z.string(),
  sessionId: z.string(),
  name: z.string(),
  schoolName: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  position: z.number().int().nullable(),
  signedUpAt: ZTimestamp,
  /** A Learning Factory's project of the participant; null for a webinar. */
  project: ZEventProject.nullable(),
});
export type TParticipant = z.input<typeof ZParticipant>;

/** GET /events/:id/participants: per session, confirmed first then the waiting list in order. */
export const ZParticipantList = z.object({ items: z.array(ZParticipant) });
export type TParticipantList = z.input<typeof ZParticipantList>;
