import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { NO_DEPARTMENT } from '../../db/schema/index';
import { rawQuery } from '../../db/raw';
import { THRESHOLD } from '../../platform/anonymity';

/** An assessment that counted, or now counts, in a round × department (null: no department). */
export type Change = { r: string; d: string | null; a: string };

const keysOf = (changes: Change[]) =>
  sql`(select distinct x.r, coalesce(x.d, ${NO_DEPARTMENT}::uuid) dk, x.a from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as x(r uuid, d uuid, a uuid))`;

/**
 * Open rounds are read from competence_published_totals (docs/ANONYMITY.md, "Over time"): a
 * department's published rows are replaced by its live totals only once at least THRESHOLD of its
 * people have submitted or changed answers since the last time, so that reading the heatmap before
 * and after one colleague submits shows no difference. With the school's setting 'after_close'
 * nothing is published while the round is open. Runs in the transaction that changed the totals.
 */
export async function recordChanges(tx: Executor, schoolId: string, changes: Change[]): Promise<void> {
  if (!changes.length) return;
  await tx.execute(sql`
    insert into competence_pending_changes (school_id, round_id, department_key, assessment_id)
    select ${schoolId}, k.r, k.dk, k.a from ${keysOf(changes)} k
    on conflict do nothing`);
  const [setting] = await rawQuery<{ mode: string }>(tx, sql`select open_round_results mode from competence_settings where school_id = ${schoolId}`);
  if (setting?.mode === 'after_close') return;
  const rounds = [...new Set(changes.map((c) => c.r))];
  const ready = await rawQuery<{ r: string; dk: string }>(
    tx,
    sql`select round_id r, department_key dk from competence_pending_changes
        where school_id = ${schoolId} and round_id in (${sql.join(rounds.map((r) => sql`${r}::uuid`), sql`, `)})
        group by 1, 2 having count(*) >= ${THRESHOLD}`,
  );
  if (ready.length) await publish(tx, schoolId, ready);
}

/** Copies the live totals of the given round × department pairs to the published ones and clears their pending changes. */
async function publish(tx: Executor, schoolId: string, keys: { r: string; dk: string }[]): Promise<void> {
  const k = sql`(select x.r, x.dk from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as x(r uuid, dk uuid))`;
  await tx.execute(sql`delete from competence_published_totals t using ${k} k where t.school_id = ${schoolId} and t.round_id = k.r and t.department_key = k.dk`);
  await tx.execute(sql`
    insert into competence_published_totals (school_id, round_id, department_key, area_id, respondents, sum_mean, levels)
    select t.school_id, t.round_id, t.department_key, t.area_id, t.respondents, t.sum_mean, t.levels
    from competence_area_totals t join ${k} k on t.round_id = k.r and t.department_key = k.dk
    where t.school_id = ${schoolId}`);
  await tx.execute(sql`delete from competence_pending_changes p using ${k} k where p.school_id = ${schoolId} and p.round_id = k.r and p.department_key = k.dk`);
}

/**
 * Publishes a whole round as it stands: used when a round that readers have seen closed (and so
 * read live) is opened again, so that its next steps are measured from what they saw.
 */
export async function publishRound(tx: Executor, schoolId: string, roundId: string): Promise<void> {
  const keys = await rawQuery<{ r: string; dk: string }>(
    tx,
    sql`select distinct round_id r, department_key dk from (
          select round_id, department_key from competence_area_totals where school_id = ${schoolId} and round_id = ${roundId}
          union select round_id, department_key from competence_published_totals where school_id = ${schoolId} and round_id = ${roundId}
          union select round_id, department_key from competence_pending_changes where school_id = ${schoolId} and round_id = ${roundId}) x`,
  );
  if (keys.length) await publish(tx, schoolId, keys);
}
