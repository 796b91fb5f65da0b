import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { competenceRounds, people, schools } from '../../db/schema/index';
import type { Mailer } from '../../platform/mail';
import { audit } from '../../platform/audit';
import { translate, type Locale } from '../../platform/messages';
import type { SchoolActor } from '../../platform/actor';
import { eligibleWhere, todayCph } from './assessments';

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

/**
 * E-mails a reminder to everyone who has not submitted, then records when and audits it (by the
 * leader, or by the system) in one transaction. The mails go out outside any transaction, so the
 * database is never held while the mail server answers.
 */
export async function sendReminders(db: Db, mailer: Mailer, schoolId: string, round: RoundRow, by: SchoolActor | { system: string; schoolId: string }) {
  const pending = await pendingFor(db, schoolId, round);
  let sent = 0;
  for (const p of pending) {
    const locale: Locale = p.locale === 'en' ? 'en' : 'da';
    const vars = { name: p.name, round: round.title, closes: round.closesOn };
    await mailer.send({ to: p.email, subject: translate(locale, 'competence.mail.reminder.subject', vars), text: translate(locale, 'competence.mail.reminder.body', vars) });
    sent++;
  }
  await db.transaction(async (tx) => {
    await tx.update(competenceRounds).set({ lastReminderAt: new Date() }).where(and(eq(competenceRounds.schoolId, schoolId), eq(competenceRounds.id, round.id)));
    await audit(tx, by, { action: 'competence.reminders_sent', resourceType: 'competence_round', resourceId: round.id, summary: round.title, changes: { sent, automatic: 'system' in by } });
  });
  return { pending: pending.length, sent };
}

/**
 * The automatic reminder: for every open round that closes within AUTO_REMINDER_DAYS_BEFORE_CLOSE
 * days and has had no reminder in the last AUTO_REMINDER_QUIET_DAYS days, the round is claimed with
 * a conditional update (so that several instances never send twice) and the reminder is sent.
 */
export async function sendDueReminders(db: Db, mailer: Mailer, now = new Date()): Promise<number> {
  if (!mailer.enabled) return 0;
  const today = todayCph(now);
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
    await sendReminders(db, mailer, round.schoolId, round, { system: 'Automatisk påmindelse', schoolId: round.schoolId });
    rounds++;
  }
  return rounds;
}
