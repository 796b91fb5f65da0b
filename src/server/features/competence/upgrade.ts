import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { NO_DEPARTMENT } from '../../db/schema/index';
import { rawQuery } from '../../db/raw';
import { audit } from '../../platform/audit';
import { todayInCopenhagen } from '../../platform/time';
import { materialiseAreaLevels } from './assessments';
import { fillDefaultStatements } from './frameworks';

/**
 * Brings the competence data of every school up to the current rules, at start, without a
 * migration (the texts live in the code): idempotent, one transaction, one instance at a time.
 *
 * 1. The default frameworks' competences that still hold the generated level statements get the
 *    written ones (`fillDefaultStatements`); a school's own texts are kept.
 * 2. Submissions of people at level 0 were counted as 0 in every area; they now count as answered.
 *    Their per-area means are written again (and the department totals with them) where they differ,
 *    in open rounds and in closed rounds whose totals still hold exactly the stored per-person rows.
 *    A closed round in which someone has been erased since the close keeps its totals as they
 *    were (docs/PRIVACY.md): recomputing them would change its figures by that one person.
 */
export async function upgradeCompetence(db: Db, today = todayInCopenhagen()): Promise<{ statements: number; levelZero: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('competence.upgrade'))`);
    const schools = await fillDefaultStatements(tx);
    for (const schoolId of schools) {
      await audit(tx, { system: 'Retning', schoolId }, { action: 'competence.statements_written', resourceType: 'school', resourceId: schoolId, summary: 'Niveauudsagn skrevet til standardrammens kompetencer' });
    }
    const recounted = await recountLevelZero(tx, today);
    for (const [schoolId, ids] of recounted) {
      await audit(tx, { system: 'Retning', schoolId }, { action: 'competence.level_zero_recounted', resourceType: 'school', resourceId: schoolId, changes: { assessments: ids.length } });
    }
    return { statements: schools.length, levelZero: [...recounted.values()].reduce((s, ids) => s + ids.length, 0) };
  });
}

async function recountLevelZero(tx: Executor, today: string): Promise<Map<string, string[]>> {
  const rows = await rawQuery<{ school_id: string; id: string }>(
    tx,
    sql`
    select distinct a.school_id, a.id from competence_assessments a
    join competence_rounds r on r.school_id = a.school_id and r.id = a.round_id
    join competence_area_levels al on al.school_id = a.school_id and al.assessment_id = a.id
    join lateral (
      select avg(ans.level)::float8 m from competence_answers ans
      join competence_items i on i.school_id = ans.school_id and i.id = ans.competence_id
      where ans.school_id = a.school_id and ans.assessment_id = a.id and i.parent_id = al.area_id
    ) answered on true
    where a.submitted_at is not null and a.basic_passed = false and abs(al.mean - answered.m) > 1e-9
      and (
        (r.closed_at is null and r.closes_on >= ${today})
        or not exists (
          select 1 from competence_area_totals t
          where t.school_id = a.school_id and t.round_id = a.round_id and t.department_key = coalesce(a.department_id, ${NO_DEPARTMENT}::uuid)
            and t.respondents <> (
              select count(*) from competence_area_levels l
              where l.school_id = t.school_id and l.round_id = t.round_id and l.area_id = t.area_id
                and coalesce(l.department_id, ${NO_DEPARTMENT}::uuid) = t.department_key)))`,
  );
  const bySchool = new Map<string, string[]>();
  for (const r of rows) bySchool.set(r.school_id, [...(bySchool.get(r.school_id) ?? []), r.id]);
  for (const [schoolId, ids] of bySchool) await materialiseAreaLevels(tx, schoolId, ids);
  return bySchool;
}
