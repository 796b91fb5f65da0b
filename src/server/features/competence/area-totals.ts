import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { NO_DEPARTMENT } from '../../db/schema/index';

/** A round and a department (null: staff without a department) whose running totals must be recomputed. */
export type TotalsKey = { r: string; d: string | null };

/**
 * Recomputes competence_area_totals for the given round × department pairs from the per-person area
 * means (competence_area_levels). Deleting and re-aggregating a whole department keeps the totals
 * exact whatever changed: a resubmission, a changed basic check, a person who moved department.
 */
export async function refreshAreaTotals(tx: Executor, schoolId: string, keys: TotalsKey[]): Promise<void> {
  if (!keys.length) return;
  const k = sql`(select distinct x.r, coalesce(x.d, ${NO_DEPARTMENT}::uuid) dk from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as x(r uuid, d uuid))`;
  await tx.execute(sql`delete from competence_area_totals t using ${k} k where t.school_id = ${schoolId} and t.round_id = k.r and t.department_key = k.dk`);
  await tx.execute(sql`
    insert into competence_area_totals (school_id, round_id, department_key, area_id, respondents, sum_mean, levels)
    select al.school_id, al.round_id, k.dk, al.area_id, count(*)::int, sum(al.mean)::float8,
      array[${sql.raw([0, 1, 2, 3, 4, 5, 6].map((l) => `(count(*) filter (where floor(al.mean + 1e-9) = ${l}))::int`).join(', '))}]
    from competence_area_levels al
    join ${k} k on al.round_id = k.r and coalesce(al.department_id, ${NO_DEPARTMENT}::uuid) = k.dk
    where al.school_id = ${schoolId}
    group by al.school_id, al.round_id, k.dk, al.area_id`);
}
