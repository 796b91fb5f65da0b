import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { departments, people, programmes, schools, teams } from '../../db/schema/index';
import { ZSchoolPatch } from '../../../shared/schemas';
import { requireSchool } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { authorize } from '../../platform/policy';
import { actorOf, attachment, type App } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { SIGTELINJER } from '../../../shared/vocabulary';
import { exportSchool } from './export';

export function schoolRoutes(app: App): void {
  const db = app.deps.database.db;

  const loadSchool = async (schoolId: string, exec: Executor = db) => {
    const [s] = await exec.select().from(schools).where(eq(schools.id, schoolId));
    if (!s) throw notFound();
    return s;
  };

  app.get('/school', { config: { action: 'school:read' }, schema: { tags: ['school'], summary: 'The current school and its settings' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'school:read');
    const s = await loadSchool(actor.school.id);
    return { id: s.id, name: s.name, institutionNumber: s.institutionNumber, settings: s.settings };
  });

  app.patch('/school', { config: { action: 'school:update' }, schema: { tags: ['school'], summary: 'Update school settings', body: ZSchoolPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'school:update');
    return db.transaction(async (tx) => {
      // Read inside the transaction: PGlite has one connection, so a query on `db` here would wait forever.
      const before = await loadSchool(actor.school.id, tx);
      const patch = req.body;
      const [s] = await tx
        .update(schools)
        .set({
          name: patch.name ?? before.name,
          institutionNumber: patch.institutionNumber === undefined ? before.institutionNumber : patch.institutionNumber,
          settings: patch.settings ?? before.settings,
        })
        .where(eq(schools.id, actor.school.id))
        .returning();
      if (!s) throw notFound();
      await audit(tx, actor, { action: 'school.updated', resourceType: 'school', resourceId: s.id, changes: { ...patch } });
      return { id: s.id, name: s.name, institutionNumber: s.institutionNumber, settings: s.settings };
    });
  });

  app.get('/overview', { config: { action: 'school:read' }, schema: { tags: ['school'], summary: 'Overblik: the school, its departments and the four strategic lines' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'school:read');
    const s = await loadSchool(actor.school.id);
    const depts = await db
      .select({ id: departments.id, name: departments.name, people: count(people.id) })
      .from(departments)
      .leftJoin(people, and(eq(people.schoolId, departments.schoolId), eq(people.departmentId, departments.id), eq(people.active, true)))
      .where(and(eq(departments.schoolId, actor.school.id), isNull(departments.archivedAt)))
      .groupBy(departments.id, departments.name)
      .orderBy(asc(departments.name));
    const [totals] = await db
      .select({ people: count() })
      .from(people)
      .where(and(eq(people.schoolId, actor.school.id), eq(people.active, true)));
    const [progs] = await db.select({ n: count() }).from(programmes).where(and(eq(programmes.schoolId, actor.school.id), isNull(programmes.archivedAt)));
    const [tms] = await db.select({ n: count() }).from(teams).where(and(eq(teams.schoolId, actor.school.id), isNull(teams.archivedAt)));
    return {
      school: { id: s.id, name: s.name, institutionNumber: s.institutionNumber },
      departments: depts,
      totals: { people: totals?.people ?? 0, departments: depts.length, programmes: progs?.n ?? 0, teams: tms?.n ?? 0 },
      sigtelinjer: SIGTELINJER,
    };
  });

  app.get('/school/export', { config: { action: 'school:export' }, schema: { tags: ['school'], summary: "Export the whole school's data as JSON" } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'school:export');
    const data = await db.transaction(async (tx) => {
      const d = await exportSchool(tx, actor.school.id);
      await audit(tx, actor, { action: 'school.exported', resourceType: 'school', resourceId: actor.school.id });
      return d;
    });
    const date = new Date().toISOString().slice(0, 10);
    return attachment(reply, `retning-eksport-${date}.json`, 'application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });
}
