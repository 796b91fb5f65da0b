import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { glossaryTerms, libraryComments, libraryItems, libraryReviews, librarySettings, libraryVersions, people, programmes, schools } from '../../db/schema/index';
import { requireSchool, type Actor, type SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { actorOf, attachment, type App } from '../../platform/http';
import { ownOrigin } from '../../platform/security';
import { notifyEditorialGroup, reviewSummary } from './notify';
import { isUuid } from '../../platform/loader';
import { authorize, can, type Action } from '../../platform/policy';
import {
  diffSnapshots,
  fieldsTextOf,
  LOCKABLE,
  loadItem,
  materialIdsOf,
  rawQuery,
  RELATION_FIELDS,
  resourceOf,
  setCoauthors,
  setMaterials,
  snapshotOf,
  valuesOf,
  ZCreateItem,
  ZPatchItem,
  type ItemRow,
} from './model';
import { isAuthor, isEditorial, OPEN_LICENCES, type LibraryItemResource } from './policy';
import { cleanText, htmlToText, linkGlossary } from './sanitize';
import { searchItems, ZSearchQuery } from './search';
import { spellCheck } from './spellcheck';
import { networkRoutes } from './network';
import { glossaryRoutes } from './glossary-routes';
import { detectAllowed, safeName } from './uploads';

const ZId = z.strictObject({ id: z.string().max(100) });
const DEFAULT_CRITERIA = [
  'Det pædagogiske formål er tydeligt (pædagogik før teknik)',
  'Målene er klare og kan vurderes',
  'Læreprocesserne passer til elevernes forudsætninger',
  'Materialerne er tilgængelige og licensen er angivet',
  'Forløbet kan gennemføres inden for rammefaktorerne',
];
export const ITEM_ACTIONS = ['update', 'spellcheck', 'share', 'submit', 'comment', 'take', 'review', 'adapt', 'lock', 'network'] as const;

export async function settingsOf(exec: Executor, schoolId: string): Promise<{ requiredFields: string[]; criteria: string[] }> {
  const [row] = await exec.select().from(librarySettings).where(eq(librarySettings.schoolId, schoolId));
  return row ? { requiredFields: row.requiredFields, criteria: row.criteria } : { requiredFields: [...RELATION_FIELDS], criteria: DEFAULT_CRITERIA };
}

const personName = async (exec: Executor, schoolId: string, id: string | null) => {
  if (!id) return null;
  const [p] = await exec.select({ name: people.name }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, id)));
  return p?.name ?? null;
};

async function addVersion(exec: Executor, actor: SchoolActor, row: ItemRow, event: string): Promise<void> {
  await exec.insert(libraryVersions).values({ schoolId: row.schoolId, itemId: row.id, version: row.version, event, snapshot: await snapshotOf(exec, row), createdBy: actor.person.id });
}

/** A copy of an item as someone's new draft, keeping "Tilpasset fra …". */
export async function adaptInto(exec: Executor, actor: SchoolActor, source: ItemRow, sourceSchoolName: string): Promise<ItemRow> {
  const sameSchool = source.schoolId === actor.school.id;
  const [created] = await exec
    .insert(libraryItems)
    .values({
      schoolId: actor.school.id,
      kind: source.kind,
      authorId: actor.person.id,
      title: source.title,
      summary: source.summary,
      programmeId: sameSchool ? source.programmeId : null,
      subject: source.subject,
      duration: source.duration,
      fields: source.fields,
      fieldsText: source.fieldsText,
      lmsUrl: source.lmsUrl,
      materialType: source.materialType,
      url: source.url,
      tags: source.tags,
      licence: source.licence,
      language: source.language,
      lockedFields: source.lockedFields,
      adaptedFromSchoolId: source.schoolId,
      adaptedFromId: source.id,
      adaptedFromTitle: source.title,
      adaptedFromSchoolName: sourceSchoolName,
      adaptedFromAuthorName: await personName(exec, source.schoolId, source.authorId),
    })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  if (sameSchool) await setMaterials(exec, actor.school.id, created.id, await materialIdsOf(exec, source.schoolId, source.id));
  await audit(exec, actor, { action: 'library.adapted', resourceType: 'library_item', resourceId: created.id, summary: created.title, changes: { from: source.id, fromSchool: source.schoolId } });
  return created;
}

export function libraryRoutes(app: App): void {
  const db = app.deps.database.db;
  const { config } = app.deps;

  const present = async (actor: SchoolActor, row: ItemRow, resource: LibraryItemResource) => {
    const sid = actor.school.id;
    const [author] = await db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.schoolId, sid), eq(people.id, row.authorId)));
    const coAuthors = resource.coAuthorIds.length
      ? (await rawQuery<{ id: string; name: string }>(db, sql`select id, name from people where school_id = ${sid} and id in (${sql.join(resource.coAuthorIds.map((i) => sql`${i}`), sql`, `)}) order by name`)).rows
      : [];
    const [programme] = row.programmeId ? await db.select({ name: programmes.name }).from(programmes).where(and(eq(programmes.schoolId, sid), eq(programmes.id, row.programmeId))) : [];
    const mats = (
      await rawQuery<{ id: string; title: string; material_type: string | null; status: string; author_id: string }>(db, sql`
        select i.id, i.title, i.material_type, i.status, i.author_id from library_item_materials m join library_items i on i.school_id = m.school_id and i.id = m.material_id
        where m.school_id = ${sid} and m.item_id = ${row.id} order by m.position`)
    ).rows.filter((m) => m.status === 'published' || m.author_id === actor.person.id || isAuthor(actor, resource));
    const terms = await db.select({ id: glossaryTerms.id, term: glossaryTerms.term, definition: glossaryTerms.definition }).from(glossaryTerms).where(eq(glossaryTerms.schoolId, sid));
    const fields: Record<string, string> = {};
    const linked = new Set<string>();
    for (const f of RELATION_FIELDS) {
      const html = row.fields[f] ?? '';
      fields[f] = html;
      const withLinks = linkGlossary(html, terms);
      for (const m of withLinks.matchAll(/data-term="([0-9a-f-]+)"/g)) linked.add(m[1] ?? '');
    }
    const linkedFields = Object.fromEntries(RELATION_FIELDS.map((f) => [f, linkGlossary(row.fields[f] ?? '', terms)]));
    const adaptations = (
      await rawQuery<{ id: string; title: string; status: string; school_id: string; school_name: string; author_name: string }>(db, sql`
        select i.id, i.title, i.status, i.school_id, s.name as school_name, p.name as author_name from library_items i
        join schools s on s.id = i.school_id join people p on p.school_id = i.school_id and p.id = i.author_id
        where i.adapted_from_school_id = ${sid} and i.adapted_from_id = ${row.id} order by i.created_at`)
    ).rows;
    const showReviews = isAuthor(actor, resource) || isEditorial(actor);
    const reviews = showReviews
      ? (
          await rawQuery<{ id: string; version: number; reviewer_name: string; checklist: Record<string, boolean>; field_comments: Record<string, string>; decision: string | null; feedback: string | null; decided_at: string | null }>(db, sql`
            select r.id, r.version, p.name as reviewer_name, r.checklist, r.field_comments, r.decision, r.feedback, r.decided_at from library_reviews r
            join people p on p.school_id = r.school_id and p.id = r.reviewer_id where r.school_id = ${sid} and r.item_id = ${row.id} order by r.created_at desc`)
        ).rows.map((r) => ({ id: r.id, version: r.version, reviewerName: r.reviewer_name, checklist: r.checklist, fieldComments: r.field_comments, decision: r.decision, feedback: r.feedback, decidedAt: r.decided_at }))
      : [];
    const actions = Object.fromEntries(ITEM_ACTIONS.map((a) => [a, can(actor, `libraryItem:${a}` as Action, resource)]));
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      status: row.status,
      version: row.version,
      author: author ?? null,
      coAuthors,
      programmeId: row.programmeId,
      programmeName: programme?.name ?? null,
      subject: row.subject,
      duration: row.duration,
      fields,
      linkedFields,
      glossary: terms.filter((t) => linked.has(t.id)),
      lmsUrl: row.lmsUrl,
      materialType: row.materialType,
      url: row.url,
      file: row.fileKey ? { name: row.fileName, mime: row.fileMime, size: row.fileSize } : null,
      tags: row.tags,
      licence: row.licence,
      language: row.language,
      lockedFields: row.lockedFields,
      materials: mats.map((m) => ({ id: m.id, title: m.title, materialType: m.material_type, status: m.status })),
      adaptedFrom: row.adaptedFromId
        ? { id: row.adaptedFromId, schoolId: row.adaptedFromSchoolId, title: row.adaptedFromTitle, schoolName: row.adaptedFromSchoolName, authorName: row.adaptedFromAuthorName, sameSchool: row.adaptedFromSchoolId === sid }
        : null,
      usage: { adaptations: adaptations.length, schools: new Set(adaptations.map((a) => a.school_id)).size },
      adaptations: adaptations.map((a) => ({
        schoolName: a.school_name,
        // another school's adaptations are counted, never opened; a colleague's draft shows no title
        id: a.school_id === sid && a.status === 'published' ? a.id : null,
        title: a.school_id === sid && a.status === 'published' ? a.title : null,
        authorName: a.school_id === sid ? a.author_name : null,
      })),
      reviewerName: await personName(db, sid, row.reviewerId),
      reviews,
      network: { shared: row.networkShared, featured: row.networkFeatured, withdrawn: row.networkWithdrawn },
      requiredFields: (await settingsOf(db, sid)).requiredFields,
      criteria: (await settingsOf(db, sid)).criteria,
      actions,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      publishedAt: row.publishedAt,
    };
  };
  const show = async (actor: SchoolActor, id: string) => {
    const { row, resource } = await loadItem(db, actor, id);
    return present(actor, row, resource);
  };

  const setStatus = async (tx: Executor, row: ItemRow, patch: Partial<ItemRow>) => {
    const [updated] = await tx
      .update(libraryItems)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)))
      .returning();
    if (!updated) throw notFound();
    return updated;
  };

  // ---- list, search, create, read, update ----
  app.get('/library/items', { config: { action: 'library:read' }, schema: { tags: ['library'], summary: 'Search materials and forløb the reader may see, with facets', querystring: ZSearchQuery } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'library:read');
    return searchItems(db, actor, req.query);
  });

  app.post('/library/items', { config: { action: 'library:create' }, schema: { tags: ['library'], summary: 'Create a private draft (forløb or material)', body: ZCreateItem } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'library:create');
    const { kind, coAuthorIds, materialIds, ...input } = req.body;
    const row = await db.transaction(async (tx) => {
      const values = await valuesOf(tx, actor, input, kind);
      const fields = values.fields ?? {};
      const [created] = await tx
        .insert(libraryItems)
        .values({ ...values, title: values.title ?? '', schoolId: actor.school.id, kind, authorId: actor.person.id, fields, fieldsText: fieldsTextOf(fields) })
        .returning();
      if (!created) throw new Error('insert returned nothing');
      if (coAuthorIds) await setCoauthors(tx, actor.school.id, created.id, actor.person.id, coAuthorIds);
      if (materialIds && kind === 'forlob') await setMaterials(tx, actor.school.id, created.id, materialIds);
      await audit(tx, actor, { action: 'library.created', resourceType: 'library_item', resourceId: created.id, summary: created.title, changes: { kind } });
      return created;
    });
    return reply.code(201).send(await show(actor, row.id));
  });

  app.get('/library/items/:id', { config: { action: 'libraryItem:read' }, schema: { tags: ['library'], summary: 'One material or forløb', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:read', resource);
    return present(actor, row, resource);
  });

  app.patch('/library/items/:id', { config: { action: 'libraryItem:update' }, schema: { tags: ['library'], summary: 'Edit a draft', params: ZId, body: ZPatchItem } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:update', resource);
    const { coAuthorIds, materialIds, ...input } = req.body;
    await db.transaction(async (tx) => {
      const values = await valuesOf(tx, actor, input, row.kind);
      // fields the editorial group locked on the original cannot be changed in an adaptation
      const locked: { field: string; key: string }[] = [];
      for (const f of row.lockedFields) {
        if ((RELATION_FIELDS as readonly string[]).includes(f)) {
          const next = values.fields?.[f as (typeof RELATION_FIELDS)[number]];
          if (next !== undefined && next !== (row.fields[f as (typeof RELATION_FIELDS)[number]] ?? '')) locked.push({ field: `fields.${f}`, key: 'library.validation.field_locked' });
        } else if (f in values && JSON.stringify((values as Record<string, unknown>)[f]) !== JSON.stringify((row as Record<string, unknown>)[f])) {
          locked.push({ field: f, key: 'library.validation.field_locked' });
        }
      }
      if (locked.length) throw new AppError(422, 'field_locked', { fields: locked });
      const fields = values.fields ? { ...row.fields, ...values.fields } : row.fields;
      const extra = row.kind === 'material' ? '' : '';
      await tx
        .update(libraryItems)
        .set({ ...values, fields, fieldsText: fieldsTextOf(fields, extra), updatedAt: new Date() })
        .where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
      if (coAuthorIds) {
        if (row.authorId !== actor.person.id) throw forbidden();
        await setCoauthors(tx, actor.school.id, row.id, row.authorId, coAuthorIds);
      }
      if (materialIds && row.kind === 'forlob') await setMaterials(tx, actor.school.id, row.id, materialIds);
      await audit(tx, actor, { action: 'library.updated', resourceType: 'library_item', resourceId: row.id, summary: values.title ?? row.title, changes: { fields: Object.keys(req.body) } });
    });
    return show(actor, row.id);
  });

  // ---- private spell check ----
  app.post('/library/items/:id/spellcheck', { config: { action: 'libraryItem:spellcheck' }, schema: { tags: ['library'], summary: 'Danish spell check of a draft, for its authors only; nothing is stored', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:spellcheck', resource);
    const texts: Record<string, string> = { title: row.title, summary: row.summary };
    for (const f of RELATION_FIELDS) texts[f] = htmlToText(row.fields[f] ?? '');
    const issues = await spellCheck(texts);
    reply.header('cache-control', 'no-store, private');
    return { issues };
  });

  // ---- workflow ----
  app.post('/library/items/:id/share', { config: { action: 'libraryItem:share' }, schema: { tags: ['library'], summary: 'Share a draft with the team (delt med team)', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:share', resource);
    await db.transaction(async (tx) => {
      await setStatus(tx, row, { status: 'team' });
      await audit(tx, actor, { action: 'library.shared_with_team', resourceType: 'library_item', resourceId: row.id, summary: row.title });
    });
    return show(actor, row.id);
  });

  app.post('/library/items/:id/submit', { config: { action: 'libraryItem:submit' }, schema: { tags: ['library'], summary: 'Submit for editorial review (til review)', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:submit', resource);
    if (row.kind === 'forlob') {
      const { requiredFields } = await settingsOf(db, actor.school.id);
      const empty = requiredFields.filter((f) => !htmlToText(row.fields[f as (typeof RELATION_FIELDS)[number]] ?? ''));
      if (empty.length) throw new AppError(422, 'required_fields_empty', { fields: empty.map((f) => ({ field: `fields.${f}`, key: 'validation.required' })) });
    } else if (!row.url && !row.fileKey) {
      throw new AppError(422, 'material_without_content', { fields: [{ field: 'url', key: 'library.validation.url_or_file' }] });
    }
    await db.transaction(async (tx) => {
      const updated = await setStatus(tx, row, { status: 'submitted', reviewerId: null });
      await addVersion(tx, actor, updated, 'submitted');
      await audit(tx, actor, { action: 'library.submitted', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { version: row.version } });
    });
    // the editorial group is told (in-app through the review count; by e-mail when SMTP is configured)
    await notifyEditorialGroup(db, app.deps.mailer, actor, row, resource.coAuthorIds, ownOrigin(config, req), req.log);
    return show(actor, row.id);
  });

  app.post('/library/items/:id/take', { config: { action: 'libraryItem:take' }, schema: { tags: ['library'], summary: 'A reviewer takes a submitted item (i review)', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    if (isEditorial(actor) && isAuthor(actor, resource)) throw new AppError(403, 'review_own_work');
    authorize(actor, 'libraryItem:take', resource);
    await db.transaction(async (tx) => {
      await setStatus(tx, row, { status: 'in_review', reviewerId: actor.person.id });
      await tx.insert(libraryReviews).values({ schoolId: row.schoolId, itemId: row.id, version: row.version, reviewerId: actor.person.id });
      await audit(tx, actor, { action: 'library.review_started', resourceType: 'library_item', resourceId: row.id, summary: row.title });
    });
    return show(actor, row.id);
  });

  const openReview = async (exec: Executor, row: ItemRow) => {
    const [r] = await exec
      .select()
      .from(libraryReviews)
      .where(and(eq(libraryReviews.schoolId, row.schoolId), eq(libraryReviews.itemId, row.id), sql`${libraryReviews.decidedAt} is null`))
      .orderBy(desc(libraryReviews.createdAt))
      .limit(1);
    if (!r) throw notFound();
    return r;
  };
  const ZCommentKey = z.enum([...RELATION_FIELDS, 'title', 'summary', 'materials', 'general']);
  const ZReview = z.strictObject({
    checklist: z.record(z.string().max(10), z.boolean()).optional(),
    fieldComments: z.partialRecord(ZCommentKey, z.string().max(5000)).optional(),
  });
  const cleanComments = (c: Record<string, string | undefined> | undefined) =>
    Object.fromEntries(Object.entries(c ?? {}).map(([k, v]) => [k, cleanText(v ?? '')]).filter(([, v]) => v));

  app.put('/library/items/:id/review', { config: { action: 'libraryItem:review' }, schema: { tags: ['library'], summary: 'Save the quality checklist and per-field comments', params: ZId, body: ZReview } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    if (isEditorial(actor) && isAuthor(actor, resource)) throw new AppError(403, 'review_own_work');
    authorize(actor, 'libraryItem:review', resource);
    await db.transaction(async (tx) => {
      const r = await openReview(tx, row);
      await tx
        .update(libraryReviews)
        .set({ checklist: req.body.checklist ?? r.checklist, fieldComments: req.body.fieldComments ? cleanComments(req.body.fieldComments) : r.fieldComments })
        .where(and(eq(libraryReviews.schoolId, r.schoolId), eq(libraryReviews.id, r.id)));
      await audit(tx, actor, { action: 'library.review_saved', resourceType: 'library_item', resourceId: row.id, summary: row.title });
    });
    return show(actor, row.id);
  });

  const ZDecision = z.strictObject({
    decision: z.enum(['approve', 'return']),
    feedback: z.string().max(10_000).optional(),
    checklist: z.record(z.string().max(10), z.boolean()).optional(),
    fieldComments: z.partialRecord(ZCommentKey, z.string().max(5000)).optional(),
    toNetwork: z.boolean().optional(),
  });
  app.post('/library/items/:id/decision', { config: { action: 'libraryItem:review' }, schema: { tags: ['library'], summary: 'Publish (godkendt) or send back (sendt retur) with feedback', params: ZId, body: ZDecision } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    if (isEditorial(actor) && isAuthor(actor, resource)) throw new AppError(403, 'review_own_work');
    authorize(actor, 'libraryItem:review', resource);
    const feedback = cleanText(req.body.feedback ?? '');
    if (req.body.decision === 'return' && !feedback) throw invalid([{ field: 'feedback', key: 'validation.required' }]);
    if (req.body.toNetwork && !OPEN_LICENCES.includes(row.licence)) throw new AppError(422, 'licence_not_open', { fields: [{ field: 'toNetwork', key: 'library.validation.licence_not_open' }] });
    await db.transaction(async (tx) => {
      const r = await openReview(tx, row);
      await tx
        .update(libraryReviews)
        .set({
          checklist: req.body.checklist ?? r.checklist,
          fieldComments: req.body.fieldComments ? cleanComments(req.body.fieldComments) : r.fieldComments,
          decision: req.body.decision === 'approve' ? 'approved' : 'returned',
          feedback: feedback || null,
          decidedAt: new Date(),
        })
        .where(and(eq(libraryReviews.schoolId, r.schoolId), eq(libraryReviews.id, r.id)));
      if (req.body.decision === 'approve') {
        const updated = await setStatus(tx, row, { status: 'published', publishedAt: new Date(), networkShared: req.body.toNetwork ?? row.networkShared });
        await addVersion(tx, actor, updated, 'published');
        await audit(tx, actor, { action: 'library.published', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { version: row.version, toNetwork: req.body.toNetwork ?? false } });
      } else {
        await addVersion(tx, actor, row, 'returned');
        await setStatus(tx, row, { status: 'returned', version: row.version + 1 });
        await audit(tx, actor, { action: 'library.returned', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { version: row.version } });
      }
    });
    return show(actor, row.id);
  });

  // ---- versions ----
  app.get('/library/items/:id/versions', { config: { action: 'libraryItem:read' }, schema: { tags: ['library'], summary: 'The kept versions', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:read', resource);
    const rows = await db
      .select({ id: libraryVersions.id, version: libraryVersions.version, event: libraryVersions.event, createdAt: libraryVersions.createdAt, by: people.name })
      .from(libraryVersions)
      .innerJoin(people, and(eq(people.schoolId, libraryVersions.schoolId), eq(people.id, libraryVersions.createdBy)))
      .where(and(eq(libraryVersions.schoolId, row.schoolId), eq(libraryVersions.itemId, row.id)))
      .orderBy(asc(libraryVersions.createdAt));
    return { current: row.version, status: row.status, versions: rows };
  });

  const ZVersionRef = z.union([z.uuid(), z.literal('current')]);
  const ZCompare = z.strictObject({ from: ZVersionRef, to: ZVersionRef });
  app.get('/library/items/:id/compare', { config: { action: 'libraryItem:read' }, schema: { tags: ['library'], summary: 'Field-by-field difference between two versions', params: ZId, querystring: ZCompare } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:read', resource);
    const snap = async (vid: string) => {
      if (vid === 'current') return snapshotOf(db, row);
      const [v] = await db
        .select({ snapshot: libraryVersions.snapshot })
        .from(libraryVersions)
        .where(and(eq(libraryVersions.schoolId, row.schoolId), eq(libraryVersions.itemId, row.id), eq(libraryVersions.id, vid)));
      if (!v) throw notFound();
      return v.snapshot;
    };
    return { changes: diffSnapshots(await snap(req.query.from), await snap(req.query.to)) };
  });

  // ---- adaptation, locks, network flag ----
  app.post('/library/items/:id/adapt', { config: { action: 'libraryItem:adapt' }, schema: { tags: ['library'], summary: 'Adapt a published item into one’s own draft ("Tilpasset fra …")', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:adapt', resource);
    const created = await db.transaction((tx) => adaptInto(tx, actor, row, actor.school.name));
    return reply.code(201).send(await show(actor, created.id));
  });

  const ZLocks = z.strictObject({ fields: z.array(z.enum(LOCKABLE)).max(LOCKABLE.length) });
  app.put('/library/items/:id/locks', { config: { action: 'libraryItem:lock' }, schema: { tags: ['library'], summary: 'Lock the fields adapters may not change', params: ZId, body: ZLocks } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:lock', resource);
    await db.transaction(async (tx) => {
      await tx.update(libraryItems).set({ lockedFields: [...new Set(req.body.fields)] }).where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
      await audit(tx, actor, { action: 'library.locks_set', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { fields: req.body.fields } });
    });
    return show(actor, row.id);
  });

  app.put('/library/items/:id/network', { config: { action: 'libraryItem:network' }, schema: { tags: ['library'], summary: "Share a published item with the network's library (open licence only)", params: ZId, body: z.strictObject({ shared: z.boolean() }) } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:network', resource);
    if (req.body.shared && !OPEN_LICENCES.includes(row.licence)) throw new AppError(422, 'licence_not_open', { fields: [{ field: 'shared', key: 'library.validation.licence_not_open' }] });
    await db.transaction(async (tx) => {
      await tx.update(libraryItems).set({ networkShared: req.body.shared }).where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
      await audit(tx, actor, { action: req.body.shared ? 'library.network_shared' : 'library.network_unshared', resourceType: 'library_item', resourceId: row.id, summary: row.title });
    });
    return show(actor, row.id);
  });

  // ---- discussion ----
  app.get('/library/items/:id/comments', { config: { action: 'libraryItem:read' }, schema: { tags: ['library'], summary: 'The discussion thread', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:read', resource);
    return db
      .select({ id: libraryComments.id, body: libraryComments.body, createdAt: libraryComments.createdAt, authorName: people.name, authorId: people.id })
      .from(libraryComments)
      .innerJoin(people, and(eq(people.schoolId, libraryComments.schoolId), eq(people.id, libraryComments.authorId)))
      .where(and(eq(libraryComments.schoolId, row.schoolId), eq(libraryComments.itemId, row.id)))
      .orderBy(asc(libraryComments.createdAt));
  });

  app.post('/library/items/:id/comments', { config: { action: 'libraryItem:comment' }, schema: { tags: ['library'], summary: 'Add to the discussion', params: ZId, body: z.strictObject({ body: z.string().max(10_000) }) } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:comment', resource);
    const body = cleanText(req.body.body);
    if (!body) throw invalid([{ field: 'body', key: 'validation.required' }]);
    const created = await db.transaction(async (tx) => {
      const [c] = await tx.insert(libraryComments).values({ schoolId: row.schoolId, itemId: row.id, authorId: actor.person.id, body }).returning();
      await audit(tx, actor, { action: 'library.commented', resourceType: 'library_item', resourceId: row.id, summary: row.title });
      return c;
    });
    return reply.code(201).send({ id: created?.id, body, createdAt: created?.createdAt, authorName: actor.person.name, authorId: actor.person.id });
  });

  // ---- files ----
  app.post('/library/items/:id/file', { config: { action: 'libraryItem:update' }, schema: { tags: ['library'], summary: 'Upload the file of a material (multipart, size limit, MIME by content)', params: ZId, querystring: z.strictObject({ name: z.string().max(200).optional() }) } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:update', resource);
    if (row.kind !== 'material') throw invalid([{ field: 'file', key: 'library.validation.file_only_material' }]);
    const limitMb = Math.round(config.uploadLimitBytes / 1024 / 1024);
    const tooLarge = () => new AppError(413, 'file_too_large', { vars: { mb: limitMb }, fields: [{ field: 'file', key: 'library.validation.file_too_large', vars: { mb: limitMb } }] });
    let buffer: Buffer;
    let filename: string;
    if (req.isMultipart()) {
      const part = await req.file();
      if (!part) throw invalid([{ field: 'file', key: 'validation.required' }]);
      try {
        buffer = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated) throw tooLarge();
        throw e;
      }
      if (part.file.truncated) throw tooLarge();
      filename = part.filename;
    } else if (Buffer.isBuffer(req.body)) {
      // a raw body (application/octet-stream) with the file name in ?name=
      buffer = req.body;
      if (buffer.length > config.uploadLimitBytes) throw tooLarge();
      filename = req.query.name ?? 'fil';
    } else {
      throw new AppError(415, 'unsupported_media_type');
    }
    if (!buffer.length) throw invalid([{ field: 'file', key: 'validation.required' }]);
    const mime = await detectAllowed(buffer, filename);
    if (!mime) throw new AppError(415, 'file_type_forbidden', { fields: [{ field: 'file', key: 'library.validation.file_type_forbidden' }] });
    const key = `${actor.school.id}/${randomUUID()}`;
    await mkdir(join(config.storageDir, actor.school.id), { recursive: true });
    await writeFile(join(config.storageDir, key), buffer);
    const fileName = safeName(filename);
    await db.transaction(async (tx) => {
      await tx.update(libraryItems).set({ fileKey: key, fileName, fileMime: mime, fileSize: buffer.length, updatedAt: new Date() }).where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
      await audit(tx, actor, { action: 'library.file_uploaded', resourceType: 'library_item', resourceId: row.id, summary: fileName, changes: { mime, size: buffer.length } });
    });
    return show(actor, row.id);
  });

  app.get('/library/items/:id/file', { config: { action: 'libraryItem:read' }, schema: { tags: ['library'], summary: 'Download the file (always as an attachment)', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const { row, resource } = await loadItem(db, actor, req.params.id);
    authorize(actor, 'libraryItem:read', resource);
    if (!row.fileKey) throw notFound();
    const data = await readFile(join(config.storageDir, row.fileKey));
    return attachment(reply, row.fileName ?? 'fil', row.fileMime ?? 'application/octet-stream').header('content-security-policy', "default-src 'none'; sandbox").send(data);
  });

  app.get('/library/review/summary', { config: { action: 'library:review' }, schema: { tags: ['library'], summary: "The editorial group's queue: what waits for a reviewer and what the reader has in review" } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'library:review');
    return reviewSummary(db, actor);
  });

  // ---- colleagues (co-author picker) and settings ----
  app.get('/library/colleagues', { config: { action: 'library:create' }, schema: { tags: ['library'], summary: 'Colleagues to invite as co-authors (names only)', querystring: z.strictObject({ q: z.string().trim().max(100).optional() }) } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'library:create');
    const q = req.query.q ? `%${req.query.q.toLowerCase()}%` : '%';
    return (
      await rawQuery<{ id: string; name: string }>(db, sql`select id, name from people where school_id = ${actor.school.id} and active and id <> ${actor.person.id} and lower(name) like ${q} order by name limit 20`)
    ).rows;
  });

  app.get('/library/settings', { config: { action: 'library:read' }, schema: { tags: ['library'], summary: 'Quality criteria and required relation-model fields' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'library:read');
    return settingsOf(db, actor.school.id);
  });

  const ZSettings = z.strictObject({ requiredFields: z.array(z.enum(RELATION_FIELDS)).max(6), criteria: z.array(z.string().trim().min(1).max(300)).min(1).max(30) });
  app.put('/library/settings', { config: { action: 'library:settings' }, schema: { tags: ['library'], summary: 'The editorial group sets the criteria and required fields', body: ZSettings } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'library:settings');
    const values = { requiredFields: [...new Set(req.body.requiredFields)], criteria: req.body.criteria.map(cleanText).filter(Boolean) };
    if (!values.criteria.length) throw invalid([{ field: 'criteria', key: 'validation.required' }]);
    await db.transaction(async (tx) => {
      await tx.insert(librarySettings).values({ schoolId: actor.school.id, ...values }).onConflictDoUpdate({ target: librarySettings.schoolId, set: { ...values, updatedAt: new Date() } });
      await audit(tx, actor, { action: 'library.settings_updated', resourceType: 'library_settings', resourceId: actor.school.id, changes: values });
    });
    return values;
  });

  glossaryRoutes(app);
  networkRoutes(app, { present: show });
  void schools;
  void resourceOf;
  void isUuid;
}

export type { Actor };
