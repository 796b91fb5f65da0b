import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { departments, networks, people, schools } from '../../db/schema/index';
import { notFound } from '../../platform/errors';

/** The network's schools with their sizes only: the coordinator never sees a school's personal data. */
export async function networkOverview(exec: Executor, networkId: string) {
  const [network] = await exec.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.id, networkId));
  if (!network) throw notFound();
  const rows = await exec
    .select({ id: schools.id, name: schools.name, institutionNumber: schools.institutionNumber, people: count(people.id) })
    .from(schools)
    .leftJoin(people, and(eq(people.schoolId, schools.id), eq(people.active, true)))
    .where(and(eq(schools.networkId, networkId), isNull(schools.archivedAt)))
    .groupBy(schools.id, schools.name, schools.institutionNumber)
    .orderBy(asc(schools.name));
  const deptCounts = await exec
    .select({ schoolId: departments.schoolId, n: count() })
    .from(departments)
    .innerJoin(schools, eq(schools.id, departments.schoolId))
    .where(and(eq(schools.networkId, networkId), isNull(departments.archivedAt)))
    .groupBy(departments.schoolId);
  const byId = new Map(deptCounts.map((d) => [d.schoolId, d.n]));
  return { ...network, schools: rows.map((s) => ({ ...s, departments: byId.get(s.id) ?? 0 })) };
}
