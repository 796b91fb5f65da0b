import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { anonymousTable, showAggregate } from '../../platform/anonymity';
import { todayInCopenhagen } from '../../platform/time';
import { round1 } from './levels';

const LEVELS = 7;

/**
 * The network's view (e.g. CIU over ~100 schools): mean level per school × area from each school's
 * latest staff round, areas matched by their code, shaped by the anonymity module like a school's heatmap
 * (docs/ANONYMITY.md): no school can be derived from the national figure. An open round counts as
 * it is published to the school's own leaders (in steps). No personal data.
 */
export async function nationalHeatmap(exec: Executor, networkId: string) {
  const today = todayInCopenhagen();
  const rows = await rawQuery<{ school_id: string; school: string; code: string; title: string; n: number; s: number; levels: number[] }>(
    exec,
    sql`
      with latest as (
        select distinct on (r.school_id) r.school_id, r.id, (r.closed_at is null and r.opens_on <= ${today} and ${today} <= r.closes_on) open
        from competence_rounds r
        join schools s on s.id = r.school_id
        -- staff rounds only: a student round of the same school is another population and another framework
        join competence_frameworks f on f.school_id = r.school_id and f.id = r.framework_id and f.kind = 'staff'
        where s.network_id = ${networkId} and s.archived_at is null
        order by r.school_id, r.opens_on desc
      ), totals as (
        select t.school_id, t.area_id, t.respondents, t.sum_mean, t.levels from latest l
        join competence_area_totals t on t.school_id = l.school_id and t.round_id = l.id where not l.open
        union all
        select t.school_id, t.area_id, t.respondents, t.sum_mean, t.levels from latest l
        join competence_published_totals t on t.school_id = l.school_id and t.round_id = l.id where l.open
      ), agg as (
        select school_id, area_id, sum(respondents)::int n, sum(sum_mean)::float8 s,
          array[${sql.raw([0, 1, 2, 3, 4, 5, 6].map((l) => `sum(levels[${l + 1}])::int`).join(', '))}] levels
        from totals group by 1, 2
      )
      select agg.school_id, s.name school, ar.code, ar.title->>'da' title, agg.n, agg.s, agg.levels
      from agg join schools s on s.id = agg.school_id
      join competence_items ar on ar.school_id = agg.school_id and ar.id = agg.area_id`,
  );
  const areas = [...new Map(rows.map((r) => [r.code, r.title])).entries()].sort((a, b) => a[0].localeCompare(b[0], 'da', { numeric: true })).map(([code, title]) => ({ code, title }));
  const bySchool = new Map<string, typeof rows>();
  for (const r of rows) bySchool.set(r.school_id, [...(bySchool.get(r.school_id) ?? []), r]);
  const table = anonymousTable(
    [...bySchool.entries()].map(([key, rs]) => ({
      key,
      count: Math.max(...rs.map((r) => r.n)),
      value: rs,
      histograms: areas.map((a) => rs.find((r) => r.code === a.code)?.levels ?? []),
    })),
    LEVELS,
  );
  const schools = table.rows
    .map((row) => {
      const rs = bySchool.get(row.key) ?? [];
      const name = rs[0]?.school ?? '';
      if (row.suppressed) return { schoolId: row.key, name, suppressed: true, count: null, means: areas.map(() => null) };
      const meanOf = (code: string) => ((r) => (r && r.n ? round1(r.s / r.n) : null))(row.value.find((r) => r.code === code));
      return { schoolId: row.key, name, suppressed: false, count: row.count, means: areas.map((a, k) => (row.cells[k]?.suppressed === false ? meanOf(a.code) : null)) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const total = table.total;
  const national = (code: string, k: number) => {
    if (total.suppressed || total.cells[k]?.suppressed !== false) return null;
    const rs = rows.filter((r) => r.code === code);
    const n = rs.reduce((s, r) => s + r.n, 0);
    return showAggregate(n) ? round1(rs.reduce((s, r) => s + r.s, 0) / n) : null;
  };
  return { areas, schools, national: areas.map((a, k) => national(a.code, k)) };
}
