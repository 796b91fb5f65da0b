import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { departments, networkRoles, networks, people, schools } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { abilities } from '../../platform/policy';
import { weeklyDigestOf } from '../home/api';

/** GET /me: the person, their schools, roles and abilities. */
export async function presentMe(exec: Executor, actor: Actor) {
  const memberships = await exec
    .select({ id: schools.id, name: schools.name })
    .from(people)
    .innerJoin(schools, and(eq(schools.id, people.schoolId), isNull(schools.archivedAt)))
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
  // Every network the account coordinates, so the web can offer the switch (PUT /me/network).
  const coordinated = actor.network
    ? await exec
        .selectDistinct({ id: networks.id, name: networks.name })
        .from(networkRoles)
        .innerJoin(networks, eq(networks.id, networkRoles.networkId))
        .where(eq(networkRoles.accountId, actor.accountId))
        .orderBy(networks.name, networks.id)
    : [];
  const current = actor.network ? coordinated.find((n) => n.id === actor.network?.id) : undefined;
  const network = current && actor.network ? { ...current, roles: actor.network.roles } : null;
  return {
    account: { id: actor.accountId, email: actor.email, locale: actor.locale },
    person: actor.person ? { id: actor.person.id, name: actor.person.name, department } : null,
    school: actor.school ? { id: actor.school.id, name: actor.school.name } : null,
    schools: memberships,
    roles: actor.roles,
    network,
    networks: coordinated,
    abilities: abilities(actor),
    preferences: actor.school && actor.person ? { weeklyDigest: await weeklyDigestOf(exec, actor.school.id, actor.person.id) } : null,
  };
}
