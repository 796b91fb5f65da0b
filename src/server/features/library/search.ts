import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ZSearchResult } from '../../../shared/api/library';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import { libraryScope, STATUSES } from './policy';
import { MATERIAL_TYPES, TAG_GROUPS } from './model';

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
 * The list scope (libraryScope in policy.ts) in SQL: published items; the reader's own items and
 * those they co-author; items shared with a team they are in; items awaiting review for the
 * editorial group. Search results and every facet count use this and nothing wider.
 */
export function visibleTo(actor: SchoolActor): SQL {
  const { personId: me, reviewQueue } = libraryScope(actor);
  const authored = sql`(i.author_id = ${me} or exists (select 1 from library_coauthors c where c.school_id = i.school_id and c.item_id = i.id and c.person_id = ${me}))`;
  const team = sql`(i.status = 'team' and exists (
    select 1 from person_teams a join person_teams b on b.school_id = a.school_id and b.team_id = a.team_id
    where a.school_id = i.school_id and b.person_id = ${me}
      and (a.person_id = i.author_id or a.person_id in (select c.person_id from library_coauthors c where c.school_id = i.school_id and c.item_id = i.id))))`;
  const review = reviewQueue ? sql` or i.status in ('submitted', 'in_review')` : sql``;
  return sql`(i.status = 'published' or ${authored} or ${team}${review})`;
}

export type SearchResult = z.output<typeof ZSearchResult>;

/** Query words for the typo fallback: letters and digits only, lower-cased, at most eight. */
const wordsOf = (text: string) =>
  [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]
    .filter((w) => w.length >= 3)
    .slice(0, 8);

/**
 * One statement per search: the school and visibility restrict first (school-first indexes), the
 * text matches through the GIN index on the stored tsvector, and a materialised CTE of the
 * matching rows feeds the page, the total and every facet (grouping sets), so the match is
 * evaluated once. When the Danish full-text query finds nothing the reader may see, the typo
 * fallback rewrites each query word into the closest words of the school's vocabulary
 * (library_lexemes, a GIN trigram index, kept by a trigger) and searches the tsvector again, so
 * "feedbak" finds "feedback" anywhere in an item without a trigram scan of the items.
 */
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
  const offset = (q.page - 1) * q.pageSize;
  const words = wordsOf(text);

  // The Danish query, planned as a constant so the GIN index is used; the vocabulary rewrite only
  // runs (one-time filter) when the Danish query found nothing the reader may see.
  const cols = sql`i.id, i.kind, i.material_type, i.status, i.programme_id, i.tag_list, i.updated_at`;
  const plain = sql`websearch_to_tsquery('danish', ${text})`;
  const matching = text
    ? sql`exact as materialized (
        select ${cols}, ts_rank_cd(i.search, ${plain}) as rank from library_items i where ${base} and i.search @@ ${plain}),
      corrected as (
        select to_tsquery('simple', string_agg(alts, ' & ')) as q from (
          select '(' || string_agg(quote_literal(c.lexeme), ' | ') || ')' as alts
          from unnest(string_to_array(${words.join(' ')}, ' ')) with ordinality as w(word, n)
          cross join lateral (
            select l.lexeme from library_lexemes l
            where l.school_id = ${actor.school.id} and l.lexeme % w.word
            order by similarity(l.lexeme, w.word) desc, l.lexeme limit 3) c
          where w.word <> ''
          group by w.n) x),
      m as materialized (
        select * from exact
        union all
        select ${cols}, ts_rank_cd(i.search, (select q from corrected)) as rank from library_items i
        where not exists (select 1 from exact) and ${base} and i.search @@ (select q from corrected))`
    : sql`m as materialized (select ${cols}, 0::real as rank from library_items i where ${base})`;
  const tagGroups = sql.join(TAG_GROUPS.map((t) => sql`${t}`), sql`, `);

  const rows = await rawQuery<{ items: RawRow[] | null; facets: RawFacet[] | null; tags: { grp: string; value: string; count: number }[] | null; fuzzy: boolean }>(exec, sql`
    with ${matching},
    pg as (select id, rank, updated_at from m order by rank desc, updated_at desc, id limit ${q.pageSize} offset ${offset}),
    f as (
      select grouping(kind, material_type, status, programme_id) as g, kind, material_type, status, programme_id, count(*)::int as n
      from m group by grouping sets ((), (kind), (material_type), (status), (programme_id))),
    t as (
      select split_part(tg, ':', 1) as grp, substr(tg, strpos(tg, ':') + 1) as value, count(*)::int as count from m, unnest(m.tag_list) tg
      where split_part(tg, ':', 1) in (${tagGroups}) group by 1, 2 order by 3 desc, 1, 2 limit 60)
    select
      (select json_agg(r order by r.rank desc, r.updated_at desc, r.id) from (
        select i.id, i.kind, i.title, i.summary, i.status, i.material_type, p.name as programme_name, a.name as author_name, i.updated_at,
               i.adapted_from_id is not null as adapted, pg.rank
        from pg join library_items i on i.school_id = ${actor.school.id} and i.id = pg.id
        join people a on a.school_id = i.school_id and a.id = i.author_id
        left join programmes p on p.school_id = i.school_id and p.id = i.programme_id) r) as items,
      (select json_agg(json_build_object('g', f.g, 'kind', f.kind, 'type', f.material_type, 'status', f.status, 'programme', f.programme_id, 'name', p.name, 'n', f.n))
        from f left join programmes p on p.school_id = ${actor.school.id} and p.id = f.programme_id) as facets,
      (select json_agg(t) from t) as tags,
      ${text ? sql`not exists (select 1 from exact)` : sql`false`} as fuzzy`);
  const row = rows[0];
  const facets = row?.facets ?? [];
  const group = (g: number, key: 'kind' | 'type' | 'status') =>
    facets
      .filter((f) => f.g === g && f[key] !== null)
      .map((f) => ({ value: String(f[key]), count: Number(f.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    items: (row?.items ?? []).map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      status: r.status,
      materialType: r.material_type,
      programmeName: r.programme_name,
      authorName: r.author_name,
      updatedAt: new Date(r.updated_at),
      adapted: r.adapted,
      rank: Number(r.rank),
    })),
    total: Number(facets.find((f) => f.g === 15)?.n ?? 0),
    fuzzy: Boolean(row?.fuzzy),
    facets: {
      // grouping() bits: kind 8, material_type 4, status 2, programme_id 1 (set when the column is rolled up)
      kind: group(7, 'kind'),
      type: group(11, 'type'),
      status: group(13, 'status'),
      programme: facets
        .filter((f) => f.g === 14 && f.programme !== null)
        .map((f) => ({ value: String(f.programme), name: f.name ?? '', count: Number(f.n) }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 30),
      tags: (row?.tags ?? []).map((r) => ({ group: r.grp, value: r.value, count: Number(r.count) })),
    },
  };
}

type RawRow = { id: string; kind: 'forlob' | 'material'; title: string; summary: string; status: SearchResult['items'][number]['status']; material_type: string | null; programme_name: string | null; author_name: string; updated_at: string; adapted: boolean; rank: number };
type RawFacet = { g: number; kind: string | null; type: string | null; status: string | null; programme: string | null; name: string | null; n: number };
