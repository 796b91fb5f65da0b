import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { departments, networks, people, schools } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { abilities } from '../../platform/policy';
import { weeklyDigestOf } from '../home/api';

/** GET /me: the person, their schools, roles and abilities. */
export async function presentMe(exec: Executor, actor: Actor) {
  const memberships = await exec
    .select({ id: schools.id, name: schools.name })
    .from(people)
    .innerJoin(schools, eq(schools.id, people.schoolId))
    .where(and(eq(people.accountId, actor.accountId), eq(people.active, true)))
    .orderBy(schools.name);
  let department: { id: string; name: string } | null = null;
  if (actor.school && actor.person?.departmentId) {
    const [d] = await exec
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.schoolId, actor.school.id), eq(departments.id, actor.person.departmentId)));
    department = d ?? null;
  }
  let network: { id: string; name: string; roles: string[] } | null = null;
  if (actor.network) {
    const [n] = await exec.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.id, actor.network.id));
    if (n) network = { ...n, roles: actor.network.roles };
  }
  return {
    account: { id: actor.accountId, email: actor.email, locale: actor.locale },
    person: actor.person ? { id: actor.person.id, name: actor.person.name, department } : null,
    school: actor.school ? { id: actor.school.id, name: actor.school.name } : null,
    schools: memberships,
    roles: actor.roles,
    network,
    abilities: abilities(actor),
    preferences: actor.school && actor.person ? { weeklyDigest: await weeklyDigestOf(exec, actor.school.id, actor.person.id) } : null,
  };
}
