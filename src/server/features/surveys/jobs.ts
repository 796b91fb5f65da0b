import { and, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { surveyRounds } from '../../db/schema/index';
import { audit } from '../../platform/audit';
import type { Mailer } from '../../platform/mail';
import type { Job } from '../../platform/scheduler';
import { todayInCopenhagen } from '../../platform/time';
import { sendDueReminders } from './reminders';
import { closeRound } from './rounds-commands';

/** Closes every round past its closing day, each in its own transaction (skipped while another instance holds it). */
export async function closeDueRounds(db: Db, now = new Date()): Promise<number> {
  const today = todayInCopenhagen(now);
  const due = await db
    .select()
    .from(surveyRounds)
    .where(and(isNull(surveyRounds.closedAt), lt(surveyRounds.closesOn, today)));
  let closed = 0;
  for (const round of due) {
    closed += await db.transaction(async (tx) => {
      const [lock] = await rawQuery<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`survey-close:${round.id}`})) as ok`);
      if (!lock?.ok) return 0;
      const r = await closeRound(tx, round, now);
      if (!r) return 0;
      await audit(tx, { system: 'Selvevaluering', schoolId: r.schoolId }, { action: 'surveys.round_closed', resourceType: 'survey_round', resourceId: r.id, summary: r.name, changes: { automatic: true } });
      return 1;
    });
  }
  return closed;
}

/** Rounds close by themselves after their closing day; a round closing within three days reminds those who have not answered. */
export function surveyJobs(db: Db, mailer: Mailer): Job[] {
  return [
    { name: 'surveys.close', run: async (now) => ({ closed: await closeDueRounds(db, now) }) },
    { name: 'surveys.reminders', run: async (now) => ({ rounds: await sendDueReminders(db, mailer, now) }) },
  ];
}
