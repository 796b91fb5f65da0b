import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { competenceRounds, people, schools } from '../../db/schema/index';
import type { Mailer } from '../../platform/mail';
import { audit, type AuditEntry } from '../../platform/audit';
import { mailEach } from '../../platform/mail-each';
import { todayInCopenhagen } from '../../platform/time';
import { eligibleWhere } from './assessments';

type RoundRow = typeof competenceRounds.$inferSelect;

/** How many days before a round closes the automatic reminder goes out, and how long a sent reminder holds it back. */
export const AUTO_REMINDER_DAYS_BEFORE_CLOSE = 3;
export const AUTO_REMINDER_QUIET_DAYS = 2;

/** Those invited to the round who have not submitted yet. */
export async function pendingFor(exec: Executor, schoolId: string, round: RoundRow) {
  return exec
    .select({ email: people.email, name: people.name, locale: sql<string>`coalesce((select a.locale from accounts a where a.id = ${people.accountId}), 'da')` })
    .from(people)
    .where(
      and(
        eligibleWhere(schoolId, round),
        sql`not exists (select 1 from competence_assessments a where a.school_id = ${people.schoolId} and a.person_id = ${people.id} and a.round_id = ${round.id} and a.submitted_at is not null)`,
      ),
    );
}

type Pending = Awaited<ReturnType<typeof pendingFor>>;

/** E-mails the reminder to each of them, in their own language; returns how many were sent. */
export const mailReminders = (mailer: Mailer, round: RoundRow, pending: Pending): Promise<number> =>
  mailEach(mailer, pending, 'competence.mail.reminder', { round: round.title, closes: round.closesOn });

/** Marks when the round's last reminder went out; the caller audits it with `reminderEvent`. */
export async function markReminded(tx: Executor, schoolId: string, round: RoundRow, at = new Date()): Promise<void> {
  await tx.update(competenceRounds).set({ lastReminderAt: at }).where(and(eq(competenceRounds.schoolId, schoolId), eq(competenceRounds.id, round.id)));
}

export const reminderEvent = (round: RoundRow, sent: number, automatic: boolean): AuditEntry => ({
  action: 'competence.reminders_sent',
  resourceType: 'competence_round',
  resourceId: round.id,
  summary: round.title,
  changes: { sent, automatic },
});

/**
 * The automatic reminder to everyone who has not submitted: the mails go out first, outside any
 * transaction, so the database is never held while the mail server answers; then the round
 * records when, audited by the system.
 */
async function sendAutomaticReminders(db: Db, mailer: Mailer, schoolId: string, round: RoundRow) {
  const sent = await mailReminders(mailer, round, await pendingFor(db, schoolId, round));
  const by = { system: 'Automatisk påmindelse', schoolId };
  await db.transaction(async (tx) => {
    await markReminded(tx, schoolId, round);
    await audit(tx, by, reminderEvent(round, sent, true));
  });
}

/**
 * The automatic reminder: for every open round that closes within AUTO_REMINDER_DAYS_BEFORE_CLOSE
 * days and has had no reminder in the last AUTO_REMINDER_QUIET_DAYS days, the round is claimed with
 * a conditional update (so that several instances never send twice) and the reminder is sent.
 */
export async function sendDueReminders(db: Db, mailer: Mailer, now = new Date()): Promise<number> {
  if (!mailer.enabled) return 0;
  const today = todayInCopenhagen(now);
  const quietSince = new Date(now.getTime() - AUTO_REMINDER_QUIET_DAYS * 86_400_000);
  const due = await db
    .select({ round: competenceRounds })
    .from(competenceRounds)
    .innerJoin(schools, eq(schools.id, competenceRounds.schoolId))
    .where(
      and(
        isNull(schools.archivedAt),
        isNull(competenceRounds.closedAt),
        lte(competenceRounds.opensOn, today),
        sql`${competenceRounds.closesOn} between ${today}::date and ${today}::date + ${AUTO_REMINDER_DAYS_BEFORE_CLOSE}::int`,
        or(isNull(competenceRounds.lastReminderAt), lte(competenceRounds.lastReminderAt, quietSince)),
      ),
    );
  let rounds = 0;
  for (const { round } of due) {
    const [claimed] = await db
      .update(competenceRounds)
      .set({ lastReminderAt: now })
      .where(and(eq(competenceRounds.schoolId, round.schoolId), eq(competenceRounds.id, round.id), or(isNull(competenceRounds.lastReminderAt), lte(competenceRounds.lastReminderAt, quietSince))))
      .returning({ id: competenceRounds.id });
    if (!claimed) continue;
    await sendAutomaticReminders(db, mailer, round.schoolId, round);
    rounds++;
  }
  return rounds;
}
