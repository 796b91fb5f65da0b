import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fileResponse, ZId } from '../../../shared/api/common';
import { ZFramework, ZFrameworkImported, ZFrameworkList, ZImportQuery, ZItemPatch } from '../../../shared/api/competence';
import type { Executor } from '../../db/client';
import { competenceFrameworks, competenceItems } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { invalid, notFound } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { fromCase } from './case-import';
import { fromMoodleCsv, storeTree, toCase, toMoodleCsv, type ImportedTree } from './exchange';
import { loadFramework, type Framework, type FrameworkKind } from './frameworks';
import { statementsOf, storeStatements, withStatements } from './case-statements';
import type { LevelStatement } from '../../db/schema/index';

/* Routes for exchanging frameworks: CASE 1.0 JSON and Moodle CSV export and import, and text edits. */

const tags = ['competence'];

async function itemTimes(exec: Executor, schoolId: string, frameworkId: string) {
  const rows = await exec
    .select({ id: competenceItems.id, t: competenceItems.lastChangeAt })
    .from(competenceItems)
    .where(and(eq(competenceItems.schoolId, schoolId), eq(competenceItems.frameworkId, frameworkId)));
  return new Map(rows.map((r) => [r.id, r.t.toISOString()]));
}

async function loadFrameworkScoped(exec: Executor, actor: SchoolActor, id: string): Promise<Framework> {
  const row = await loadScoped(exec, actor, competenceFrameworks, id);
  const fw = await loadFramework(exec, actor.school.id, row.id);
  if (!fw) throw notFound();
  return fw;
}

/** Stores an imported tree as a new framework, audited, and answers it as stored. */
async function importTree(exec: Executor, actor: SchoolActor, tree: ImportedTree, kind: FrameworkKind, audit: (e: AuditEntry) => Promise<void>, statements?: Map<string, LevelStatement[]>) {
  const id = await storeTree(exec, actor.school.id, tree, kind);
  if (statements) await storeStatements(exec, actor.school.id, id, statements);
  await audit({ action: 'competence.framework_imported', resourceType: 'competence_framework', resourceId: id, summary: tree.title.da, changes: { areas: tree.areas.length } });
  const fw = await loadFramework(exec, actor.school.id, id);
  if (!fw) throw notFound();
  return fw;
}

export const exchangeRoutes = [
  route({
    method: 'GET',
    url: '/competence/frameworks',
    summary: 'All frameworks and versions of the school',
    tags,
    action: 'competence:self',
    response: ZFrameworkList,
    handler: async ({ db, actor }) => {
      const rows = await db.select().from(competenceFrameworks).where(eq(competenceFrameworks.schoolId, actor.school.id)).orderBy(desc(competenceFrameworks.createdAt));
      return rows.map((f) => ({ id: f.id, kind: f.kind, title: f.title, version: f.version, creator: f.creator, lastChangeAt: f.lastChangeAt, caseIdentifier: f.caseIdentifier }));
    },
  }),
  route({
    method: 'GET',
    url: '/competence/frameworks/:id/case',
    summary: 'Export as a 1EdTech CASE 1.0 CFPackage (JSON)',
    tags,
    action: 'competence:self',
    params: ZId,
    response: fileResponse('application/json; charset=utf-8'),
    load: ({ db, actor, params }) => loadFrameworkScoped(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, reply, resource: fw }) => {
      const pkg = withStatements(toCase(fw, await itemTimes(db, actor.school.id, fw.id)), fw);
      return attachment(reply, `kompetenceramme-${fw.version}.case.json`, 'application/json; charset=utf-8').send(JSON.stringify(pkg, null, 2));
    },
  }),
  route({
    method: 'GET',
    url: '/competence/frameworks/:id/moodle',
    summary: "Export as Moodle's competency framework CSV (14 columns)",
    tags,
    action: 'competence:self',
    params: ZId,
    response: fileResponse('text/csv; charset=utf-8'),
    load: ({ db, actor, params }) => loadFrameworkScoped(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ reply, resource: fw }) => attachment(reply, `kompetenceramme-${fw.version}-moodle.csv`, 'text/csv; charset=utf-8').send(toMoodleCsv(fw)),
  }),
  route({
    method: 'POST',
    url: '/competence/frameworks/case',
    summary: 'Import a CASE 1.0 CFPackage as a new framework (version), with what had to be assumed about the file',
    tags,
    action: 'competence:frameworkManage',
    query: ZImportQuery,
    body: z.unknown(),
    status: 201,
    response: ZFrameworkImported,
    writes: true,
    handler: async ({ db, actor, query, body, audit }) => {
      const { tree, notes } = fromCase(body);
      return { ...(await importTree(db, actor, tree, query.kind ?? tree.kind ?? 'staff', audit, statementsOf(body))), importNotes: notes };
    },
  }),
  route({
    method: 'POST',
    url: '/competence/frameworks/moodle',
    summary: 'Import a Moodle competency framework CSV as a new framework',
    tags,
    action: 'competence:frameworkManage',
    query: ZImportQuery,
    rawBody: 'csv',
    status: 201,
    response: ZFramework,
    writes: true,
    handler: async ({ db, actor, query, req, audit }) => {
      const body = req.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array();
      if (!bytes.length) throw invalid([{ field: 'body', key: 'validation.empty_file' }]);
      return importTree(db, actor, fromMoodleCsv(bytes), query.kind ?? 'staff', audit);
    },
  }),
  route({
    method: 'PATCH',
    url: '/competence/items/:id',
    summary: "Edit an area's or competence's texts (bumps the framework version)",
    tags,
    action: 'competence:frameworkManage',
    params: ZId,
    body: ZItemPatch,
    response: ZFramework,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceItems, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource: item, audit }) => {
      const now = new Date();
      await db
        .update(competenceItems)
        .set({ ...(body.title ? { title: body.title } : {}), ...(body.description ? { description: body.description } : {}), lastChangeAt: now })
        .where(and(eq(competenceItems.schoolId, actor.school.id), eq(competenceItems.id, item.id)));
      await db
        .update(competenceFrameworks)
        .set({ version: sql`${competenceFrameworks.version} + 1`, lastChangeAt: now })
        .where(and(eq(competenceFrameworks.schoolId, actor.school.id), eq(competenceFrameworks.id, item.frameworkId)));
      await audit({ action: 'competence.item_changed', resourceType: 'competence_item', resourceId: item.id, summary: item.code, changes: { ...body } });
      const fw = await loadFramework(db, actor.school.id, item.frameworkId);
      if (!fw) throw notFound();
      return fw;
    },
  }),
];
