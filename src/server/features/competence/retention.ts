import { and, eq, isNull, sql } from 'drizzle-orm';
import { retentionMonths } from '../../../shared/api/privacy';
import type { Db, Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { competenceAssessments, schools } from '../../db/schema/index';
import { audit } from '../../platform/audit';
import { translate } from '../../platform/messages';
import type { Job } from '../../platform/scheduler';
import { eraseAssessments } from './personal-data';

/** People of the school who were deactivated more than `months` before `now` and still have competence answers. */
async function duePeople(exec: Executor, schoolId: string, months: number, now: Date): Promise<string[]> {
  const rows = await rawQuery<{ person_id: string }>(
    exec,
    sql`select distinct a.person_id from competence_assessments a
        join people p on p.school_id = a.school_id and p.id = a.person_id
        where a.school_id = ${schoolId} and not p.active and p.deactivated_at < ${now.toISOString()}::timestamptz - make_interval(months => ${months}::int)`,
  );
  return rows.map((r) => r.person_id);
}

/**
 * Erases the competence answers of people who left (were deactivated) longer ago than their
 * school's retention (docs/PRIVACY.md, "Retention"), keeping the aggregates exact as an erasure
 * does. Each school in its own transaction, skipped while another instance holds it; every person's
 * erasure is audited by the system, without the name.
 */
export async function applyRetention(db: Db, now: Date): Promise<{ schools: number; people: number; assessments: number }> {
  const all = await db.select({ id: schools.id, settings: schools.settings }).from(schools).where(isNull(schools.archivedAt));
  let touchedSchools = 0;
  let erasedPeople = 0;
  let erasedAssessments = 0;
  for (const school of all) {
    const months = retentionMonths(school.settings.competenceRetentionMonths);
    if (months === null || !(await duePeople(db, school.id, months, now)).length) continue;
    const done = await db.transaction(async (tx) => {
      const [lock] = await rawQuery<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`retention:${school.id}`})) as ok`);
      if (!lock?.ok) return { people: 0, assessments: 0 };
      const system = { system: translate(school.settings.defaultLocale, 'personalData.retention.system'), schoolId: school.id };
      let n = 0;
      const due = await duePeople(tx, school.id, months, now);
      for (const personId of due) {
        const ids = await tx
          .select({ id: competenceAssessments.id })
          .from(competenceAssessments)
          .where(and(eq(competenceAssessments.schoolId, school.id), eq(competenceAssessments.personId, personId)));
        const gone = await eraseAssessments(
          tx,
          school.id,
          ids.map((a) => a.id),
        );
        n += gone;
        await audit(tx, system, { action: 'competence.answers_erased', resourceType: 'person', resourceId: personId, changes: { assessments: gone, retentionMonths: months } });
      }
      return { people: due.length, assessments: n };
    });
    if (done.people) touchedSchools++;
    erasedPeople += done.people;
    erasedAssessments += done.assessments;
  }
  return { schools: touchedSchools, people: erasedPeople, assessments: erasedAssessments };
}

/** The scheduler's job: at start and then at every interval; a person becomes due on the day their period ends. */
export const retentionJob = (db: Db): Job => ({ name: 'competence.retention', run: (now) => applyRetention(db, now) });
