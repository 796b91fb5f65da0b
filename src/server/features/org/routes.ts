import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { departments, programmes, teams } from '../../db/schema/index';
import { isUniqueViolation } from '../../db/errors';
import { ZOrgUnitInput, ZOrgUnitPatch } from '../../../shared/schemas';
import { requireSchool } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { conflict, invalid } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';

/**
 * Departments (afdelinger), programmes (uddannelser) and teams share one shape: a named unit of
 * the school that can be created, renamed and archived. Teams may belong to a department.
 */
const kinds = [
  { path: 'departments', table: departments, resource: 'department' },
  { path: 'programmes', table: programmes, resource: 'programme' },
  { path: 'teams', table: teams, resource: 'team' },
] as const;

const ZId = z.strictObject({ id: z.string().max(100) });
const ZListQuery = z.strictObject({ archived: z.enum(['true', 'false']).optional() });


export function orgRoutes(app: App): void {
  const db = app.deps.database.db;

  for (const kind of kinds) {
    const t = kind.table;
    const checkDepartment = async (actor: Parameters<typeof loadScoped>[1], departmentId: string | null | undefined) => {
      if (kind.path !== 'teams') {
        if (departmentId !== undefined) throw invalid([{ field: 'departmentId', key: 'validation.unknown_field' }]);
        return;
      }
      if (departmentId) {
        await loadScoped(db, actor, departments, departmentId).catch(() => {
          throw invalid([{ field: 'departmentId', key: 'validation.unknown_department' }]);
        });
      }
    };

    app.get(
      `/${kind.path}`,
      { config: { action: 'org:read' }, schema: { tags: ['organisation'], summary: `List ${kind.path}`, querystring: ZListQuery } },
      async (req) => {
        const actor = requireSchool(actorOf(req));
        authorize(actor, 'org:read');
        const where = [eq(t.schoolId, actor.school.id)];
        if (req.query.archived !== 'true') where.push(isNull(t.archivedAt));
        const rows = await db.select().from(t).where(and(...where)).orderBy(asc(sql`lower(${t.name})`));
        return rows.map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null, departmentId: 'departmentId' in r ? r.departmentId : null }));
      },
    );

    app.post(
      `/${kind.path}`,
      { config: { action: 'org:manage' }, schema: { tags: ['organisation'], summary: `Create a ${kind.resource}`, body: ZOrgUnitInput } },
      async (req, reply) => {
        const actor = requireSchool(actorOf(req));
        authorize(actor, 'org:manage');
        await checkDepartment(actor, req.body.departmentId);
        const row = await db
          .transaction(async (tx) => {
            const values = { schoolId: actor.school.id, name: req.body.name, ...(kind.path === 'teams' ? { departmentId: req.body.departmentId ?? null } : {}) };
            const [created] = await tx.insert(t).values(values).returning();
            if (!created) throw new Error('insert returned nothing');
            await audit(tx, actor, { action: `${kind.resource}.created`, resourceType: kind.resource, resourceId: created.id, summary: created.name });
            return created;
          })
          .catch((e: unknown) => {
            if (isUniqueViolation(e)) throw conflict('name_taken', [{ field: 'name', key: 'errors.name_taken' }]);
            throw e;
          });
        return reply.code(201).send({ id: row.id, name: row.name, archived: false, departmentId: 'departmentId' in row ? row.departmentId : null });
      },
    );

    app.patch(
      `/${kind.path}/:id`,
      { config: { action: 'org:manage' }, schema: { tags: ['organisation'], summary: `Rename or archive a ${kind.resource}`, params: ZId, body: ZOrgUnitPatch } },
      async (req) => {
        const actor = requireSchool(actorOf(req));
        const before = await loadScoped(db, actor, t, req.params.id);
        authorize(actor, 'org:manage');
        await checkDepartment(actor, req.body.departmentId);
        const patch: Record<string, unknown> = {};
        if (req.body.name !== undefined) patch.name = req.body.name;
        if (req.body.archived !== undefined) patch.archivedAt = req.body.archived ? (before.archivedAt ?? new Date()) : null;
        if (req.body.departmentId !== undefined) patch.departmentId = req.body.departmentId;
        const row = await db
          .transaction(async (tx) => {
            const [updated] = Object.keys(patch).length
              ? await tx.update(t).set(patch).where(and(eq(t.schoolId, actor.school.id), eq(t.id, before.id))).returning()
              : [before];
            if (!updated) throw new Error('update returned nothing');
            await audit(tx, actor, {
              action:
                req.body.archived === true && before.archivedAt === null
                  ? `${kind.resource}.archived`
                  : req.body.archived === false && before.archivedAt !== null
                    ? `${kind.resource}.restored`
                    : `${kind.resource}.updated`,
              resourceType: kind.resource,
              resourceId: updated.id,
              summary: updated.name,
              changes: { ...req.body },
            });
            return updated;
          })
          .catch((e: unknown) => {
            if (isUniqueViolation(e)) throw conflict('name_taken', [{ field: 'name', key: 'errors.name_taken' }]);
            throw e;
          });
        return { id: row.id, name: row.name, archived: row.archivedAt !== null, departmentId: 'departmentId' in row ? row.departmentId : null };
      },
    );
  }
}
