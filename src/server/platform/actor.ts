import type { NetworkRole, SchoolRole } from '../../shared/roles';
import type { Locale } from './messages';
import { forbidden } from './errors';

/** Who is making a request, resolved from the session on every request. */
export type Actor = {
  accountId: string;
  email: string;
  locale: Locale;
  sessionId: string;
  csrfToken: string;
  /** The school the session works in; null for an account that only coordinates a network. */
  school: { id: string; name: string; networkId: string } | null;
  /** The actor's person record in that school. */
  person: { id: string; name: string; departmentId: string | null } | null;
  roles: SchoolRole[];
  network: { id: string; roles: NetworkRole[] } | null;
};

export type SchoolActor = Actor & { school: NonNullable<Actor['school']>; person: NonNullable<Actor['person']> };

/** Narrows to an actor working inside a school; others get 403. */
export function requireSchool(actor: Actor): SchoolActor {
  if (!actor.school || !actor.person) throw forbidden();
  return actor as SchoolActor;
}

export const displayName = (actor: Actor) => actor.person?.name ?? actor.email;
