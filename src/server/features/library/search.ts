import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import { isEditorial, STATUSES } from './policy';
import { MATERIAL_TYPES, rawQuery, TAG_GROUPS } from './model';

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(['forlob', 'material']).optional(),
  type: z.enum(MATERIAL_TYPES).optional(),
  programmeId: z.uuid().optional(),
  status: z.enum(STATUSES).optional(),
  tag: z.string().trim().max(80).regex(/^[a-z]+:.+$/).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/**
 * What the reader may see, in SQL, mirroring canSee() in policy.ts: published items; their own
 * items and those they co-author; items shared with a team they are in; items awaiting review
 * for the editorial group. Search results and every facet count use this and nothing wider.
 */
export function visibleTo(actor: SchoolActor): SQL {
  const me = actor.person.id;
  const authored = sql`(i.author_id = ${me} or exists (select 1 from library_coauthors c where c.school_id = i.school_id and c.item_id = i.id and c.person_id = ${me}))`;
  const team = sql`(i.status = 'team' and exists (
    select 1 from person_teams a join person_teams b on b.school_id = a.school_id and b.team_id = a.team_id
    where a.school_id = i.school_id and b.person_id = ${me}
      and (a.person_id = i.author_id or a.person_id in (select c.person_id from library_coauthors c where c.school_id = i.school_id and c.item_id = i.id))))`;
  const review = isEditorial(actor) ? sql` or i.status in ('submitted', 'in_review')` : sql``;
  return sql`(i.status = 'published' or ${authored} or ${team}${review})`;
}

type Facet = { value: string; count: number };
export type SearchResult = {
  items: { id: string; kind: string; title: string; summary: string; status: string; materialType: string | null; programmeName: string | null; authorName: string; updatedAt: string; adapted: boolean; rank: number }[];
  total: number;
  fuzzy: boolean;
  facets: { kind: Facet[]; type: Facet[]; status: Facet[]; programme: (Facet & { name: string })[]; tags: (Facet & { group: string })[] };
};

export async function searchItems(exec: Executor, actor: SchoolActor, q: TSearchQuery): Promise<SearchResult> {
  const text = q.q?.trim() ?? '';
  const filters: SQL[] = [sql`i.school_id = ${actor.school.id}`, visibleTo(actor)];
  if (q.kind) filters.push(sql`i.kind = ${q.kind}`);
  if (q.type) filters.push(sql`i.material_type = ${q.type}`);
  if (q.programmeId) filters.push(sql`i.programme_id = ${q.programmeId}`);
  if (q.status) filters.push(sql`i.status = ${q.status}`);
  if (q.mine === 'true') filters.push(sql`(i.author_id = ${actor.person.id} or exists (select 1 from library_coauthors c where c.school_id = i.school_id and c.item_id = i.id and c.person_id = ${actor.person.id}))`);
  if (q.tag) {
    const [group = '', ...rest] = q.tag.split(':');
    filters.push(sql`i.tags -> ${group} ? ${rest.join(':')}`);
  }
  const base = sql.join(filters, sql` and `);

  const run = async (match: SQL, rank: SQL) => {
    const where = sql`${base} and ${match}`;
    const offset = (q.page - 1) * q.pageSize;
    const [rows, total] = await Promise.all([
      rawQuery<{ id: string; kind: string; title: string; summary: string; status: string; material_type: string | null; programme_name: string | null; author_name: string; updated_at: string; adapted: boolean; rank: number }>(exec, sql`
        select i.id, i.kind, i.title, i.summary, i.status, i.material_type, p.name as programme_name, a.name as author_name, i.updated_at,
               i.adapted_from_id is not null as adapted, ${rank} as rank
        from library_items i
        join people a on a.school_id = i.school_id and a.id = i.author_id
        left join programmes p on p.school_id = i.school_id and p.id = i.programme_id
        where ${where}
        order by rank desc, i.updated_at desc, i.id
        limit ${q.pageSize} offset ${offset}`),
      rawQuery<{ n: number }>(exec, sql`select count(*)::int as n from library_items i where ${where}`),
    ]);
    return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0), where };
  };

  let fuzzy = false;
  let result;
  if (!text) {
    result = await run(sql`true`, sql`0::real`);
  } else {
    const tsq = sql`websearch_to_tsquery('danish', ${text})`;
    result = await run(sql`i.search @@ ${tsq}`, sql`ts_rank_cd(i.search, ${tsq})`);
    if (result.total === 0) {
      // typo fallback: trigram word similarity against title and summary (GIN trigram index; <% is word_similarity ≥ 0.6)
      fuzzy = true;
      const doc = sql`lower(i.title || ' ' || i.summary)`;
      result = await run(sql`lower(${text}) <% ${doc}`, sql`word_similarity(lower(${text}), ${doc})`);
    }
  }
  const where = result.where;
  const facet = async (col: SQL) =>
    (await rawQuery<{ value: string | null; count: number }>(exec, sql`select ${col} as value, count(*)::int as count from library_items i where ${where} group by 1 order by 2 desc`)).rows
      .filter((r) => r.value !== null)
      .map((r) => ({ value: String(r.value), count: Number(r.count) }));
  const [kind, type, status, programme, tags] = await Promise.all([
    facet(sql`i.kind`),
    facet(sql`i.material_type`),
    facet(sql`i.status`),
    rawQuery<{ value: string; name: string; count: number }>(exec, sql`
      select i.programme_id as value, p.name, count(*)::int as count from library_items i join programmes p on p.school_id = i.school_id and p.id = i.programme_id
      where ${where} group by 1, 2 order by 3 desc limit 30`),
    rawQuery<{ grp: string; value: string; count: number }>(exec, sql`
      select g.key as grp, v.value, count(*)::int as count from library_items i, jsonb_each(i.tags) g, jsonb_array_elements_text(g.value) v
      where ${where} and g.key in (${sql.join(TAG_GROUPS.map((t) => sql`${t}`), sql`, `)}) group by 1, 2 order by 3 desc limit 60`),
  ]);
  return {
    items: result.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      status: r.status,
      materialType: r.material_type,
      programmeName: r.programme_name,
      authorName: r.author_name,
      updatedAt: new Date(r.updated_at).toISOString(),
      adapted: r.adapted,
      rank: Number(r.rank),
    })),
    total: result.total,
    fuzzy,
    facets: {
      kind,
      type,
      status,
      programme: programme.rows.map((r) => ({ value: r.value, name: r.name, count: Number(r.count) })),
      tags: tags.rows.map((r) => ({ group: r.grp, value: r.value, count: Number(r.count) })),
    },
  };
}
