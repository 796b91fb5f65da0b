import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { people, schools, surveyRounds } from '../../db/schema/index';
import { audit, type AuditEntry } from '../../platform/audit';
import type { Mailer } from '../../platform/mail';
import { mailEach } from '../../platform/mail-each';
import { todayInCopenhagen } from '../../platform/time';
import { askedWhere, type SurveyRound } from './rounds-model';

/** How many days before a round closes the automatic reminder goes out, and how long a sent reminder holds the next one back. */
export const AUTO_REMINDER_DAYS_BEFORE_CLOSE = 3;
export const AUTO_REMINDER_QUIET_DAYS = 2;

/** Signed-in people the round asks (its groups and departments) without a participation row. */
export function pendingFor(exec: Executor, round: SurveyRound) {
  return exec
    .select({ email: people.email, name: people.name, locale: sql<string>`coalesce((select a.locale from accounts a where a.id = ${people.accountId}), 'da')` })
    .from(people)
    .where(
      sql`${askedWhere(round.schoolId, round)} and not exists (select 1 from survey_participation p
        where p.school_id = ${people.schoolId} and p.round_id = ${round.id} and p.person_id = ${people.id})`,
    );
}

type Pending = Awaited<ReturnType<typeof pendingFor>>;

/** E-mails the reminder to each of them, in their own language; returns how many were sent. */
export const mailReminders = (mailer: Mailer, round: SurveyRound, pending: Pending): Promise<number> =>
  mailEach(mailer, pending, 'surveys.mail.reminder', { round: round.name, closes: round.closesOn });

export async function markReminded(tx: Executor, round: SurveyRound, at = new Date()): Promise<void> {
  await tx.update(surveyRounds).set({ lastReminderAt: at }).where(and(eq(surveyRounds.schoolId, round.schoolId), eq(surveyRounds.id, round.id)));
}

export const reminderEvent = (round: SurveyRound, sent: number, automatic: boolean): AuditEntry => ({
  action: 'surveys.reminders_sent',
  resourceType: 'survey_round',
  resourceId: round.id,
  summary: round.name,
  changes: { sent, automatic },
});

/**
 * The automatic reminder: every open round that closes within AUTO_REMINDER_DAYS_BEFORE_CLOSE days
 * and has had no reminder for AUTO_REMINDER_QUIET_DAYS is claimed with a conditional update (so
 * that several instances never send twice); the mails go out outside any transaction.
 */
export async function sendDueReminders(db: Db, mailer: Mailer, now = new Date()): Promise<number> {
  if (!mailer.enabled) return 0;
  const today = todayInCopenhagen(now);
  const quietSince = new Date(now.getTime() - AUTO_REMINDER_QUIET_DAYS * 86_400_000);
  const quiet = or(isNull(surveyRounds.lastReminderAt), lte(surveyRounds.lastReminderAt, quietSince));
  const due = await db
    .select({ round: surveyRounds })
    .from(surveyRounds)
    .innerJoin(schools, eq(schools.id, surveyRounds.schoolId))
    .where(
      and(
        isNull(schools.archivedAt),
        isNull(surveyRounds.closedAt),
        lte(surveyRounds.opensOn, today),
        sql`${surveyRounds.closesOn} between ${today}::date and ${today}::date + ${AUTO_REMINDER_DAYS_BEFORE_CLOSE}::int`,
        quiet,
      ),
    );
  let rounds = 0;
  for (const { round } of due) {
    const [claimed] = await db
      .update(surveyRounds)
      .set({ lastReminderAt: now })
      .where(and(eq(surveyRounds.schoolId, round.schoolId), eq(surveyRounds.id, round.id), quiet))
      .returning({ id: surveyRounds.id });
    if (!claimed) continue;
    const sent = await mailReminders(mailer, round, await pendingFor(db, round));
    await audit(db, { system: 'Automatisk påmindelse', schoolId: round.schoolId }, reminderEvent(round, sent, true));
    rounds++;
  }
  return rounds;
}
