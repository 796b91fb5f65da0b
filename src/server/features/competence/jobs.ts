import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { competenceCourses, schools } from '../../db/schema/index';
import type { Mailer } from '../../platform/mail';
import type { Job } from '../../platform/scheduler';
import { syncOnboarding } from './courses-commands';
import { sendDueReminders } from './reminders';

/**
 * The competence module's background jobs: new hires are put on the onboarding track without
 * anyone opening a page, and a round that closes within three days reminds those who have not
 * answered (when e-mail is set up).
 */
export function competenceJobs(db: Db, mailer: Mailer): Job[] {
  return [
    {
      name: 'competence.onboarding',
      run: async (now) => {
        // Only schools with an onboarding course; each in its own transaction, skipped if another instance holds it.
        const withCourses = await db
          .selectDistinct({ schoolId: competenceCourses.schoolId })
          .from(competenceCourses)
          .innerJoin(schools, eq(schools.id, competenceCourses.schoolId))
          .where(and(isNull(competenceCourses.archivedAt), isNull(schools.archivedAt), sql`(${competenceCourses.audience} ->> 'newHires')::boolean`));
        let assigned = 0;
        for (const { schoolId } of withCourses) {
          assigned += await db.transaction(async (tx) => {
            const [lock] = await rawQuery<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`onboarding:${schoolId}`})) as ok`);
            return lock?.ok ? syncOnboarding(tx, schoolId, now) : 0;
          });
        }
        return { schools: withCourses.length, assigned };
      },
    },
    { name: 'competence.reminders', run: async (now) => ({ rounds: await sendDueReminders(db, mailer, now) }) },
  ];
}
