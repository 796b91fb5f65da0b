import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { ZId } from '../../../shared/api/common';
import { ZOrgListQuery, ZOrgUnit, ZOrgUnitList } from '../../../shared/api/org';
import { ZOrgUnitInput, ZOrgUnitPatch } from '../../../shared/schemas';
import { isUniqueViolation } from '../../db/errors';
import { departments, programmes, teams } from '../../db/schema/index';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import { conflict, invalid } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';

/**
 * Departments (afdelinger), programmes (uddannelser) and teams share one shape: a named unit of
 * the school that can be created, renamed and archived. Teams may belong to a department.
 */
const kinds = [
  { path: 'departments', table: departments, resource: 'department' },
  { path: 'programmes', table: programmes, resource: 'programme' },
  { path: 'teams', table: teams, resource: 'team' },
] as const;
type Kind = (typeof kinds)[number];
type UnitRow = { id: string; name: string; archivedAt: Date | null; departmentId?: string | null };

const present = (r: UnitRow) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null, departmentId: r.departmentId ?? null });

const nameTaken = (e: unknown): never => {
  if (isUniqueViolation(e)) throw conflict('name_taken', [{ field: 'name', key: 'errors.name_taken' }]);
  throw e;
};

/** Only teams have a department, and it must be one of the school's own. */
async function checkDepartment(db: Executor, actor: SchoolActor, kind: Kind, departmentId: string | null | undefined): Promise<void> {
  if (kind.path !== 'teams') {
    if (departmentId !== undefined) throw invalid([{ field: 'departmentId', key: 'validation.unknown_field' }]);
    return;
  }
  if (departmentId) {
    await loadScoped(db, actor, departments, departmentId).catch(() => {
      throw invalid([{ field: 'departmentId', key: 'validation.unknown_department' }]);
    });
  }
}

const routesOf = (kind: Kind) => {
  const t = kind.table;
  return [
    route({
      method: 'GET',
      url: `/${kind.path}`,
      summary: `List ${kind.path}`,
      tags: ['organisation'],
      action: 'org:read',
      query: ZOrgListQuery,
      response: ZOrgUnitList,
      handler: async ({ db, actor, query }) => {
        const where = [eq(t.schoolId, actor.school.id)];
        if (query.archived !== 'true') where.push(isNull(t.archivedAt));
        const rows: UnitRow[] = await db.select().from(t).where(and(...where)).orderBy(asc(sql`lower(${t.name})`));
        return rows.map(present);
      },
    }),
    route({
      method: 'POST',
      url: `/${kind.path}`,
      summary: `Create a ${kind.resource}`,
      tags: ['organisation'],
      action: 'org:manage',
      body: ZOrgUnitInput,
      status: 201,
      response: ZOrgUnit,
      writes: true,
      handler: async ({ db, actor, body, audit }) => {
        await checkDepartment(db, actor, kind, body.departmentId);
        const values = { schoolId: actor.school.id, name: body.name, ...(kind.path === 'teams' ? { departmentId: body.departmentId ?? null } : {}) };
        const [created]: UnitRow[] = await db.insert(t).values(values).returning().catch(nameTaken);
        if (!created) throw new Error('insert returned nothing');
        await audit({ action: `${kind.resource}.created`, resourceType: kind.resource, resourceId: created.id, summary: created.name });
        return present(created);
      },
    }),
    route({
      method: 'PATCH',
      url: `/${kind.path}/:id`,
      summary: `Rename or archive a ${kind.resource}`,
      tags: ['organisation'],
      action: 'org:manage',
      params: ZId,
      body: ZOrgUnitPatch,
      response: ZOrgUnit,
      writes: true,
      load: ({ db, actor, params }): Promise<UnitRow> => loadScoped(db, actor, t, params.id),
      policyResource: () => undefined,
      handler: async ({ db, actor, body, resource: before, audit }) => {
        await checkDepartment(db, actor, kind, body.departmentId);
        const patch: Record<string, unknown> = {};
        if (body.name !== undefined) patch.name = body.name;
        if (body.archived !== undefined) patch.archivedAt = body.archived ? (before.archivedAt ?? new Date()) : null;
        if (body.departmentId !== undefined) patch.departmentId = body.departmentId;
        const [updated]: UnitRow[] = Object.keys(patch).length
          ? await db.update(t).set(patch).where(and(eq(t.schoolId, actor.school.id), eq(t.id, before.id))).returning().catch(nameTaken)
          : [before];
        if (!updated) throw new Error('update returned nothing');
        const archived = body.archived === true && before.archivedAt === null;
        const restored = body.archived === false && before.archivedAt !== null;
        await audit({
          action: `${kind.resource}.${archived ? 'archived' : restored ? 'restored' : 'updated'}`,
          resourceType: kind.resource,
          resourceId: updated.id,
          summary: updated.name,
          changes: { ...body },
        });
        return present(updated);
      },
    }),
  ];
};

export const orgRoutes = kinds.flatMap(routesOf);
