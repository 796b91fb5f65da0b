import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { departments, networks, people, schools } from '../../db/schema/index';
import { forbidden } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { authorize } from '../../platform/policy';

/** The host's view: its schools with sizes only. The coordinator never sees a school's personal data. */
export function networkRoutes(app: App): void {
  const db = app.deps.database.db;
  app.get('/network', { config: { action: 'network:read' }, schema: { tags: ['network'], summary: 'The network and its schools (no personal data)' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'network:read');
    if (!actor.network) throw forbidden();
    const [network] = await db.select().from(networks).where(eq(networks.id, actor.network.id));
    const rows = await db
      .select({ id: schools.id, name: schools.name, institutionNumber: schools.institutionNumber, people: count(people.id) })
      .from(schools)
      .leftJoin(people, and(eq(people.schoolId, schools.id), eq(people.active, true)))
      .where(and(eq(schools.networkId, actor.network.id), isNull(schools.archivedAt)))
      .groupBy(schools.id, schools.name, schools.institutionNumber)
      .orderBy(asc(schools.name));
    const deptCounts = await db
      .select({ schoolId: departments.schoolId, n: count() })
      .from(departments)
      .innerJoin(schools, eq(schools.id, departments.schoolId))
      .where(and(eq(schools.networkId, actor.network.id), isNull(departments.archivedAt)))
      .groupBy(departments.schoolId);
    const byId = new Map(deptCounts.map((d) => [d.schoolId, d.n]));
    return { id: network?.id, name: network?.name, schools: rows.map((s) => ({ ...s, departments: byId.get(s.id) ?? 0 })) };
  });
}
