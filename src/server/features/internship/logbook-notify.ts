import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { Mailer } from '../../platform/mail';
import { mailEach, type Recipient } from '../../platform/mail-each';
import { todayInCopenhagen } from '../../platform/time';
import { SUPERVISOR_WINDOW_DAYS } from '../../../shared/api/internship';

/**
 * E-mail about the logbook (docs/internship.md, "Logbook"), only when SMTP is configured and only
 * after the change has committed (the routes call these from `afterCommit`): a new entry to the
 * student's teachers and his current supervisors, a comment to the student. A failed mail is
 * logged, never turned into a failed request whose change is already stored.
 */
type Mail = { mailer: Mailer; db: Executor; log: FastifyBaseLogger; origin: string };

const recipientColumns = sql`p.id, p.name, a.email, a.locale`;

/**
 * The student's teachers (teacher role, sharing a team) and the supervisors who see him today (the
 * window of students-access.ts, here for every candidate at once), with a working account; never the author.
 */
async function followers(exec: Executor, schoolId: string, studentId: string, exceptId: string): Promise<Recipient[]> {
  const today = todayInCopenhagen();
  return rawQuery<Recipient>(exec, sql`
    select distinct ${recipientColumns} from people p
    join accounts a on a.id = p.account_id
    where p.school_id = ${schoolId} and p.active and a.disabled_at is null and p.id <> ${exceptId}
      and (
        (exists (select 1 from person_roles r where r.school_id = p.school_id and r.person_id = p.id and r.role = 'teacher')
          and exists (select 1 from person_teams mine join person_teams theirs on theirs.school_id = mine.school_id and theirs.team_id = mine.team_id
            where mine.school_id = p.school_id and mine.person_id = p.id and theirs.person_id = ${studentId}))
        or (exists (select 1 from person_roles r where r.school_id = p.school_id and r.person_id = p.id and r.role = 'company_supervisor')
          and exists (select 1 from placements pl join supervisor_companies sc on sc.school_id = pl.school_id and sc.company_id = pl.company_id and sc.supervisor_id = p.id
            where pl.school_id = p.school_id and pl.student_id = ${studentId} and pl.kind = 'practice'
              and pl.starts_on <= ${today}::date and pl.ends_on + ${SUPERVISOR_WINDOW_DAYS}::int >= ${today}::date))
      )
    order by p.name`);
}

async function student(exec: Executor, schoolId: string, studentId: string): Promise<Recipient[]> {
  return rawQuery<Recipient>(exec, sql`
    select ${recipientColumns} from people p join accounts a on a.id = p.account_id
    where p.school_id = ${schoolId} and p.id = ${studentId} and p.active and a.disabled_at is null`);
}

async function send(m: Mail, recipients: () => Promise<Recipient[]>, key: string, vars: Record<string, string>): Promise<number> {
  if (!m.mailer.enabled) return 0;
  try {
    return await mailEach(m.mailer, await recipients(), key, vars);
  } catch (err) {
    m.log.error({ err }, 'logbook notification failed');
    return 0;
  }
}

export type EntryNotice = { schoolId: string; studentId: string; studentName: string; entryId: string; title: string };

/** A new entry: the student's teachers and current supervisors. */
export const notifyNewEntry = (m: Mail, e: EntryNotice) =>
  send(m, () => followers(m.db, e.schoolId, e.studentId, e.studentId), 'logbook.mail.entry', {
    student: e.studentName,
    title: e.title,
    link: `${m.origin}/praktik/elever/${e.studentId}`,
  });

/** A comment by someone else than the student: the student. */
export const notifyComment = (m: Mail, e: EntryNotice & { authorId: string; authorName: string }) =>
  e.authorId === e.studentId
    ? Promise.resolve(0)
    : send(m, () => student(m.db, e.schoolId, e.studentId), 'logbook.mail.comment', {
        author: e.authorName,
        title: e.title,
        link: `${m.origin}/praktik/elever/${e.studentId}`,
      });
