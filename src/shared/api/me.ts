import { z } from 'zod';
import { ZAbilities, ZRef, ZTimestamp } from './common';

/*
 * The signed-in account's API contract (GET/PATCH /me, school switch, sessions): what each route
 * answers. The web takes its types from these schemas.
 */

/**
 * The signed-in account: person, schools, roles and its general abilities (the actions it may take
 * without a specific resource; the UI shows only what they allow). `csrfToken` comes with GET /me only.
 */
export const ZMe = z.object({
  account: z.object({ id: z.string(), email: z.string(), locale: z.string() }),
  person: z.object({ id: z.string(), name: z.string(), department: ZRef.nullable() }).nullable(),
  school: ZRef.nullable(),
  schools: z.array(ZRef),
  roles: z.array(z.string()),
  network: z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) }).nullable(),
  /** Every network the account coordinates (the switch, PUT /me/network, offers them). */
  networks: z.array(ZRef).default([]),
  abilities: ZAbilities,
  /** The person's own choices in the school the session works in (null without a school). */
  preferences: z.object({ weeklyDigest: z.boolean() }).nullable(),
  csrfToken: z.string().optional(),
});
export type TMe = z.input<typeof ZMe>;

/** POST /me/school: the school the session now works in. */
export const ZSchoolSwitched = z.object({ schoolId: z.string() });
export type TSchoolSwitched = z.input<typeof ZSchoolSwitched>;

/** One of my open sessions. */
export const ZSession = z.object({
  id: z.string(),
  createdAt: ZTimestamp,
  lastSeenAt: ZTimestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type TSession = z.input<typeof ZSession>;
export const ZSessionList = z.array(ZSession);
