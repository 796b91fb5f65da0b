import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { libraryItems, schools } from '../../db/schema/index';
import { requireSchool, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { isUuid } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { rawQuery, type ItemRow } from './model';
import { OPEN_LICENCES } from './policy';
import { adaptInto } from './routes';

/**
 * The network's shared library: a separate read path, across the schools of one network, that
 * only ever returns items that are published, shared to the network with an open licence and
 * not withdrawn. Nothing else (drafts, reviews, comments, people) crosses schools.
 */
const networkOf = (a: Actor): string | null => a.school?.networkId ?? a.network?.id ?? null;
const isCoordinator = (a: Actor) => a.network?.roles.includes('network_coordinator') === true;
const open = sql.join(OPEN_LICENCES.map((l) => sql`${l}`), sql`, `);

const shared = (a: Actor) =>
  sql`i.network_shared and i.status = 'published' and i.licence in (${open}) ${isCoordinator(a) ? sql`` : sql`and not i.network_withdrawn`}
      and s.network_id = ${networkOf(a)}`;

const ZParams = z.strictObject({ schoolId: z.string().max(100), id: z.string().max(100) });

export async function loadNetworkItem(exec: Executor, actor: Actor, schoolId: string, id: string): Promise<{ row: ItemRow; schoolName: string }> {
  if (!networkOf(actor) || !isUuid(schoolId) || !isUuid(id)) throw notFound();
  const ids = await rawQuery<{ id: string; name: string }>(exec, sql`
    select i.id, s.name from library_items i join schools s on s.id = i.school_id
    where i.school_id = ${schoolId} and i.id = ${id} and ${shared(actor)}`);
  const hit = ids.rows[0];
  if (!hit) throw notFound();
  const [row] = await exec.select().from(libraryItems).where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.id, id)));
  if (!row) throw notFound();
  return { row, schoolName: hit.name };
}

export function networkRoutes(app: App, helpers: { present: (actor: ReturnType<typeof requireSchool>, id: string) => Promise<unknown> }): void {
  const db = app.deps.database.db;

  const presentShared = (actor: Actor, row: ItemRow, schoolName: string) => ({
    id: row.id,
    schoolId: row.schoolId,
    schoolName,
    own: row.schoolId === actor.school?.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    subject: row.subject,
    duration: row.duration,
    fields: row.fields,
    lmsUrl: row.lmsUrl,
    materialType: row.materialType,
    url: row.url,
    tags: row.tags,
    licence: row.licence,
    language: row.language,
    featured: row.networkFeatured,
    withdrawn: row.networkWithdrawn,
    publishedAt: row.publishedAt,
  });

  app.get(
    '/library/network',
    { config: { action: 'libraryNetwork:read' }, schema: { tags: ['library'], summary: "The network's shared library", querystring: z.strictObject({ q: z.string().trim().max(200).optional() }) } },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'libraryNetwork:read');
      if (!networkOf(actor)) throw notFound();
      const q = req.query.q ?? '';
      const match = q ? sql`and (i.search @@ websearch_to_tsquery('danish', ${q}) or lower(${q}) <% lower(i.title || ' ' || i.summary))` : sql``;
      const rank = q ? sql`ts_rank_cd(i.search, websearch_to_tsquery('danish', ${q}))` : sql`0::real`;
      const rows = await rawQuery<{ id: string; school_id: string; school_name: string; kind: string; title: string; summary: string; licence: string; featured: boolean; withdrawn: boolean; published_at: string }>(db, sql`
        select i.id, i.school_id, s.name as school_name, i.kind, i.title, i.summary, i.licence, i.network_featured as featured, i.network_withdrawn as withdrawn, i.published_at
        from library_items i join schools s on s.id = i.school_id
        where ${shared(actor)} ${match}
        order by i.network_featured desc, ${rank} desc, i.published_at desc limit 100`);
      return {
        items: rows.rows.map((r) => ({
          id: r.id,
          schoolId: r.school_id,
          schoolName: r.school_name,
          own: r.school_id === actor.school?.id,
          kind: r.kind,
          title: r.title,
          summary: r.summary,
          licence: r.licence,
          featured: r.featured,
          withdrawn: r.withdrawn,
          publishedAt: r.published_at,
        })),
        canCurate: isCoordinator(actor),
      };
    },
  );

  app.get('/library/network/:schoolId/:id', { config: { action: 'libraryNetwork:read' }, schema: { tags: ['library'], summary: 'One item of the shared library', params: ZParams } }, async (req) => {
    const actor = actorOf(req);
    const { row, schoolName } = await loadNetworkItem(db, actor, req.params.schoolId, req.params.id);
    authorize(actor, 'libraryNetwork:read');
    return { ...presentShared(actor, row, schoolName), canCurate: isCoordinator(actor), canAdapt: actor.school !== null };
  });

  const ZCurate = z.strictObject({ featured: z.boolean().optional(), withdrawn: z.boolean().optional() });
  app.post(
    '/library/network/:schoolId/:id/curate',
    { config: { action: 'libraryNetwork:curate' }, schema: { tags: ['library'], summary: 'The network coordinator features or withdraws a shared item', params: ZParams, body: ZCurate } },
    async (req) => {
      const actor = actorOf(req);
      const { row, schoolName } = await loadNetworkItem(db, actor, req.params.schoolId, req.params.id);
      authorize(actor, 'libraryNetwork:curate');
      const patch: Partial<ItemRow> = {};
      if (req.body.featured !== undefined) patch.networkFeatured = req.body.featured;
      if (req.body.withdrawn !== undefined) patch.networkWithdrawn = req.body.withdrawn;
      const updated = await db.transaction(async (tx) => {
        const [u] = Object.keys(patch).length
          ? await tx.update(libraryItems).set(patch).where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id))).returning()
          : [row];
        // the coordinator has no school: the event is written to the author's school's log
        await audit(tx, { system: `Netværkskoordinator (${actor.email})`, schoolId: row.schoolId }, { action: 'library.network_curated', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { ...req.body } });
        return u ?? row;
      });
      return { ...presentShared(actor, updated, schoolName), canCurate: true, canAdapt: false };
    },
  );

  app.post(
    '/library/network/:schoolId/:id/adapt',
    { config: { action: 'libraryNetwork:adapt' }, schema: { tags: ['library'], summary: 'Adapt a shared item from another school into one’s own draft', params: ZParams } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { row, schoolName } = await loadNetworkItem(db, actor, req.params.schoolId, req.params.id);
      authorize(actor, 'libraryNetwork:adapt');
      const member = requireSchool(actor);
      const created = await db.transaction((tx) => adaptInto(tx, member, row, schoolName));
      return reply.code(201).send(await helpers.present(member, created.id));
    },
  );
  void schools;
}
