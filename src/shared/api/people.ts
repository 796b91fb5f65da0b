import { z } from 'zod';
import { ZAbilities, ZDay, ZRef } from './common';

/* People of the school: what each route answers. */

/** A person as the list shows them. */
export const ZPersonRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  jobTitle: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  employmentStart: ZDay.nullable(),
  active: z.boolean(),
  hasAccount: z.boolean(),
  roles: z.array(z.string()),
});
export type TPersonRow = z.input<typeof ZPersonRow>;

/** GET /people: one page, searched and filtered. */
export const ZPeoplePage = z.object({ items: z.array(ZPersonRow), total: z.number(), page: z.number(), pageSize: z.number() });
export type TPeoplePage = z.input<typeof ZPeoplePage>;

/** What the actor may do with one person (the `abilities` a person carries). */
export const PERSON_ACTIONS = ['person:update', 'person:assignRoles', 'person:invite', 'person:exportData', 'person:erase'] as const;

/** One person: the list row, the teams they belong to and what the actor may do with them. */
export const ZPerson = ZPersonRow.extend({ teams: z.array(ZRef), abilities: ZAbilities });
export type TPerson = z.input<typeof ZPerson>;

/** An invitation or reset link: e-mailed, or handed back to copy when e-mail is not set up. */
export const ZLinkResult = z.object({ emailed: z.boolean(), link: z.string().nullable(), expiresInDays: z.number() });
export type TLinkResult = z.input<typeof ZLinkResult>;
