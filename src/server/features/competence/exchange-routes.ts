import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { competenceFrameworks, competenceItems } from '../../db/schema/index';
import { requireSchool, type SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { AppError, invalid } from '../../platform/errors';
import { actorOf, attachment, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { fromCase, fromMoodleCsv, storeTree, toCase, toMoodleCsv } from './exchange';
import { loadFramework } from './frameworks';

/* Routes for exchanging frameworks: CASE 1.0 JSON and Moodle CSV export and import, and text edits. */

async function itemTimes(exec: Executor, schoolId: string, frameworkId: string) {
  const rows = await exec.select({ id: competenceItems.id, t: competenceItems.lastChangeAt }).from(competenceItems).where(and(eq(competenceItems.schoolId, schoolId), eq(competenceItems.frameworkId, frameworkId)));
  return new Map(rows.map((r) => [r.id, r.t.toISOString()]));
}

const ZId = z.strictObject({ id: z.string().max(100) });
const ZImportQuery = z.strictObject({ kind: z.enum(['staff', 'student']).optional() });
const ZItemPatch = z.strictObject({
  title: z.strictObject({ da: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).optional(),
  description: z.strictObject({ da: z.string().trim().min(1).max(3000), en: z.string().trim().min(1).max(3000) }).optional(),
});

export function exchangeRoutes(app: App): void {
  const db = app.deps.database.db;
  const load = async (actor: SchoolActor, id: string) => {
    const row = await loadScoped(db, actor, competenceFrameworks, id);
    const fw = await loadFramework(db, actor.school.id, row.id);
    if (!fw) throw new AppError(404, 'not_found');
    return fw;
  };

  app.get('/competence/frameworks', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: 'All frameworks and versions of the school' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:self');
    const rows = await db.select().from(competenceFrameworks).where(eq(competenceFrameworks.schoolId, actor.school.id)).orderBy(desc(competenceFrameworks.createdAt));
    return rows.map((f) => ({ id: f.id, kind: f.kind, title: f.title, version: f.version, creator: f.creator, lastChangeAt: f.lastChangeAt.toISOString(), caseIdentifier: f.caseIdentifier }));
  });

  app.get('/competence/frameworks/:id/case', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: 'Export as a 1EdTech CASE 1.0 CFPackage (JSON)', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const fw = await load(actor, req.params.id);
    authorize(actor, 'competence:self');
    const pkg = toCase(fw, await itemTimes(db, actor.school.id, fw.id));
    return attachment(reply, `kompetenceramme-${fw.version}.case.json`, 'application/json; charset=utf-8').send(JSON.stringify(pkg, null, 2));
  });

  app.get('/competence/frameworks/:id/moodle', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: "Export as Moodle's competency framework CSV (14 columns)", params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const fw = await load(actor, req.params.id);
    authorize(actor, 'competence:self');
    return attachment(reply, `kompetenceramme-${fw.version}-moodle.csv`, 'text/csv; charset=utf-8').send(toMoodleCsv(fw));
  });

  app.post('/competence/frameworks/case', { config: { action: 'competence:frameworkManage' }, schema: { tags: ['competence'], summary: 'Import a CASE 1.0 CFPackage as a new framework (version)', querystring: ZImportQuery, body: z.unknown() } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:frameworkManage');
    const tree = fromCase(req.body);
    const id = await db.transaction((tx) => storeTree(tx, actor, tree, req.query.kind ?? tree.kind ?? 'staff'));
    return reply.code(201).send(await loadFramework(db, actor.school.id, id));
  });

  app.post('/competence/frameworks/moodle', { config: { action: 'competence:frameworkManage' }, schema: { tags: ['competence'], summary: 'Import a Moodle competency framework CSV as a new framework', querystring: ZImportQuery, consumes: ['text/csv'] } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:frameworkManage');
    const body = req.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array();
    if (!bytes.length) throw invalid([{ field: 'body', key: 'validation.empty_file' }]);
    const tree = fromMoodleCsv(bytes);
    const id = await db.transaction((tx) => storeTree(tx, actor, tree, req.query.kind ?? 'staff'));
    return reply.code(201).send(await loadFramework(db, actor.school.id, id));
  });

  app.patch('/competence/items/:id', { config: { action: 'competence:frameworkManage' }, schema: { tags: ['competence'], summary: "Edit an area's or competence's texts (bumps the framework version)", params: ZId, body: ZItemPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const item = await loadScoped(db, actor, competenceItems, req.params.id);
    authorize(actor, 'competence:frameworkManage');
    await db.transaction(async (tx) => {
      const now = new Date();
      await tx
        .update(competenceItems)
        .set({ ...(req.body.title ? { title: req.body.title } : {}), ...(req.body.description ? { description: req.body.description } : {}), lastChangeAt: now })
        .where(and(eq(competenceItems.schoolId, actor.school.id), eq(competenceItems.id, item.id)));
      await tx
        .update(competenceFrameworks)
        .set({ version: sql`${competenceFrameworks.version} + 1`, lastChangeAt: now })
        .where(and(eq(competenceFrameworks.schoolId, actor.school.id), eq(competenceFrameworks.id, item.frameworkId)));
      await audit(tx, actor, { action: 'competence.item_changed', resourceType: 'competence_item', resourceId: item.id, summary: item.code, changes: { ...req.body } });
    });
    return loadFramework(db, actor.school.id, item.frameworkId);
  });
}
