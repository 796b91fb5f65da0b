import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { NO_DEPARTMENT, competenceAreaTotals, competenceAssessments, competencePublishedTotals, departments, people } from '../../db/schema/index';
import { anonymousTable, suppress, type Range, type TableCell } from '../../platform/anonymity';
import { eligibleWhere, roundIsOpen } from './assessments';
import type { FrameworkOutline } from './frameworks';
import { round1 } from './levels';

type RoundRow = Parameters<typeof roundIsOpen>[0];
type Cell = { areaId: string; mean: number | null; distribution: Range[] | null };
export type HeatmapRow = { departmentId: string | null; name: string; suppressed: boolean; count: number | null; cells: Cell[] };
export type DepartmentNames = Map<string, string>;

export async function departmentNames(exec: Executor, schoolId: string): Promise<DepartmentNames> {
  const rows = await exec.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.schoolId, schoolId));
  return new Map(rows.map((d) => [d.id, d.name]));
}

/**
 * Areas × departments for one round: mean level and distribution (as ranges) of person-area levels,
 * shaped by the anonymity module (docs/ANONYMITY.md). An open round is read from its published
 * totals, which move only in steps of at least THRESHOLD people per department.
 */
export async function heatmap(exec: Executor, schoolId: string, round: RoundRow, fw: FrameworkOutline, names: DepartmentNames, departmentFilter?: string | null) {
  const t = roundIsOpen(round) ? competencePublishedTotals : competenceAreaTotals;
  const list = await exec
    .select({ d: t.departmentKey, area: t.areaId, n: t.respondents, sum: t.sumMean, levels: t.levels })
    .from(t)
    .where(and(eq(t.schoolId, schoolId), eq(t.roundId, round.id)));
  type Row = (typeof list)[number];
  const byDept = new Map<string, Row[]>();
  for (const r of list) byDept.set(r.d, [...(byDept.get(r.d) ?? []), r]);
  const levels = Math.max(1, ...fw.levels.map((l) => l.level + 1));
  const histogramsOf = (rs: Row[]) => fw.areas.map((a) => rs.find((r) => r.area === a.id)?.levels ?? []);
  const table = anonymousTable(
    [...byDept.entries()].map(([key, rs]) => ({ key, count: Math.max(0, ...rs.map((r) => r.n)), value: rs, histograms: histogramsOf(rs) })),
    levels,
  );
  const meanOf = (rs: Row[], areaId: string) => {
    const n = rs.reduce((s, r) => (r.area === areaId ? s + r.n : s), 0);
    return n ? round1(rs.reduce((s, r) => (r.area === areaId ? s + r.sum : s), 0) / n) : null;
  };
  const hiddenCells = fw.areas.map((a) => ({ areaId: a.id, mean: null, distribution: null }));
  const cellOf = (c: TableCell | undefined, areaId: string, rs: Row[]): Cell =>
    c && !c.suppressed ? { areaId, mean: meanOf(rs, areaId), distribution: c.distribution } : { areaId, mean: null, distribution: null };
  const nameOf = (key: string) => (key === NO_DEPARTMENT ? '' : (names.get(key) ?? ''));
  let out: HeatmapRow[] = table.rows.map((row) => {
    const departmentId = row.key === NO_DEPARTMENT ? null : row.key;
    if (row.suppressed) return { departmentId, name: nameOf(row.key), suppressed: true, count: null, cells: hiddenCells };
    return {
      departmentId,
      name: nameOf(row.key),
      suppressed: false,
      count: row.count,
      cells: fw.areas.map((a, k) => cellOf(row.cells[k], a.id, row.value)),
    };
  });
  if (departmentFilter !== undefined) out = out.filter((r) => r.departmentId === departmentFilter);
  out.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const total = table.total;
  return {
    school: total.suppressed
      ? { suppressed: true, count: null, cells: hiddenCells }
      : { suppressed: false, count: total.count, cells: fw.areas.map((a, k) => cellOf(total.cells[k], a.id, list)) },
    departments: out,
    /** True while the round is open: the figures move only in steps (or not until the close). */
    inSteps: roundIsOpen(round),
  };
}

/** Respondents and invited staff per department; a department's completion is shown only when its invited reach the anonymity threshold. */
export async function completion(exec: Executor, schoolId: string, round: RoundRow) {
  const invited = await exec
    .select({ d: people.departmentId, n: sql<number>`count(*)::int` })
    .from(people)
    .where(eligibleWhere(schoolId, round))
    .groupBy(people.departmentId);
  const answered = await exec
    .select({ d: competenceAssessments.departmentId, n: sql<number>`count(*)::int` })
    .from(competenceAssessments)
    .where(and(eq(competenceAssessments.schoolId, schoolId), eq(competenceAssessments.roundId, round.id), isNotNull(competenceAssessments.submittedAt)))
    .groupBy(competenceAssessments.departmentId);
  const names = await departmentNames(exec, schoolId);
  const totalInvited = invited.reduce((s, r) => s + r.n, 0);
  const totalAnswered = answered.reduce((s, r) => s + r.n, 0);
  const { cells, totalShown } = suppress(invited.map((r) => ({ key: r.d ?? 'none', count: r.n, value: answered.find((a) => a.d === r.d)?.n ?? 0 })));
  return {
    invited: totalInvited,
    submitted: totalShown ? totalAnswered : null,
    departments: cells
      .map((c) => ({ departmentId: c.key === 'none' ? null : c.key, name: c.key === 'none' ? '' : (names.get(c.key) ?? ''), suppressed: c.suppressed, invited: c.suppressed ? null : c.count, submitted: c.suppressed ? null : c.value }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
  };
}
