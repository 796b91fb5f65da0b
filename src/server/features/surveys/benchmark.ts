import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { THRESHOLD } from '../../platform/anonymity';
import { round2 } from './report-figures';

/**
 * The network benchmark: per group × area the median and quartiles of the schools' means, each
 * school counted once with its latest closed round (survey_area_means, written at the close), and
 * only where at least THRESHOLD schools have a figure. Never a school's name or its own figure.
 */
export type BenchmarkFigure = { group: string; area: string; schools: number; q1: number; median: number; q3: number };

/** The p-quantile with linear interpolation between the closest ranks (R's type 7, a spreadsheet's QUARTILE). */
export function quantile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** From (group, area, mean) per school: the figures with enough schools. */
export function benchmarkOf(rows: { group: string; area: string; mean: number }[]): BenchmarkFigure[] {
  const by = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.group}|${r.area}`;
    by.set(key, [...(by.get(key) ?? []), r.mean]);
  }
  return [...by]
    .filter(([, means]) => means.length >= THRESHOLD)
    .map(([key, means]) => {
      const [group = '', area = ''] = key.split('|');
      const sorted = [...means].sort((a, b) => a - b);
      return { group, area, schools: sorted.length, q1: round2(quantile(sorted, 0.25)), median: round2(quantile(sorted, 0.5)), q3: round2(quantile(sorted, 0.75)) };
    });
}

/** The benchmark of a network from each school's latest closed round. */
export async function networkBenchmark(exec: Executor, networkId: string): Promise<BenchmarkFigure[]> {
  const rows = await rawQuery<{ group: string; area: string; mean: number }>(
    exec,
    sql`with latest as (
          select distinct on (m.school_id) m.school_id, m.round_id
          from survey_area_means m join schools s on s.id = m.school_id
          where s.network_id = ${networkId} and s.archived_at is null
          order by m.school_id, m.closes_on desc, m.round_id)
        select m."group", m.area, m.mean from survey_area_means m join latest l on l.school_id = m.school_id and l.round_id = m.round_id
        where m.mean is not null`,
  );
  return benchmarkOf(rows.map((r) => ({ ...r, mean: Number(r.mean) })));
}
