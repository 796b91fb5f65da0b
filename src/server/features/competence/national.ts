import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { showAggregate, suppress } from '../../platform/anonymity';
import { round1 } from './levels';

/**
 * The network's view (e.g. CIU over ~100 schools): mean level per school × area from each school's
 * latest round, areas matched by their code. A school is shown only from the anonymity threshold of respondents, with
 * complementary suppression so that no school can be derived from the national total. No personal data.
 */
export async function nationalHeatmap(exec: Executor, networkId: string) {
  const rows = await rawQuery<{ school_id: string; school: string; code: string; title: string; n: number; m: number }>(
    exec,
    sql`
      with latest as (
        select distinct on (r.school_id) r.school_id, r.id, r.framework_id from competence_rounds r
        join schools s on s.id = r.school_id
        where s.network_id = ${networkId} and s.archived_at is null
        order by r.school_id, r.opens_on desc
      ), agg as (
        select t.school_id, t.area_id, sum(t.respondents)::int n, (sum(t.sum_mean) / sum(t.respondents))::float8 m from latest l
        join competence_area_totals t on t.school_id = l.school_id and t.round_id = l.id
        group by 1, 2
      )
      select agg.school_id, s.name school, ar.code, ar.title->>'da' title, agg.n, agg.m
      from agg join schools s on s.id = agg.school_id
      join competence_items ar on ar.school_id = agg.school_id and ar.id = agg.area_id`,
  );
  const areas = [...new Map(rows.map((r) => [r.code, r.title])).entries()].sort((a, b) => a[0].localeCompare(b[0], 'da', { numeric: true })).map(([code, title]) => ({ code, title }));
  const bySchool = new Map<string, typeof rows>();
  for (const r of rows) bySchool.set(r.school_id, [...(bySchool.get(r.school_id) ?? []), r]);
  const { cells } = suppress([...bySchool.entries()].map(([key, rs]) => ({ key, count: Math.max(...rs.map((r) => r.n)), value: rs })));
  const schools = cells
    .map((c) => {
      const rs = bySchool.get(c.key) ?? [];
      const name = rs[0]?.school ?? '';
      return c.suppressed
        ? { schoolId: c.key, name, suppressed: true, count: null, means: areas.map(() => null) }
        : { schoolId: c.key, name, suppressed: false, count: c.count, means: areas.map((a) => ((m) => (m === undefined ? null : round1(m)))(c.value.find((r) => r.code === a.code)?.m)) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const total = (code: string) => {
    const rs = rows.filter((r) => r.code === code);
    const n = rs.reduce((s, r) => s + r.n, 0);
    return showAggregate(n) ? round1(rs.reduce((s, r) => s + r.m * r.n, 0) / n) : null;
  };
  return { areas, schools, national: areas.map((a) => total(a.code)) };
}
