import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { Mailer } from '../../platform/mail';
import { mailEach, type Recipient } from '../../platform/mail-each';

/**
 * E-mail about events, sent after the commit (the routes call `send` from `afterCommit`) and only
 * when SMTP is configured: a seat from the waiting list, a cancelled session or event. The
 * recipients are read inside the transaction, so they are those the change concerned. A failed
 * mail is logged, never turned into a failed request whose change is already stored.
 */
export type EventMail = { key: 'mail.eventPromoted' | 'mail.eventCancelled' | 'mail.eventSessionCancelled'; to: Recipient[]; vars: Record<string, string> };
export type MailContext = { mailer: Mailer; log: FastifyBaseLogger; origin: string };

/** People with an account behind the given sign-ups (waiting or confirmed, cancelled or not). */
export async function recipientsOf(exec: Executor, signupIds: readonly string[]): Promise<Recipient[]> {
  if (signupIds.length === 0) return [];
  return rawQuery<Recipient>(exec, sql`
    select distinct p.name, a.email, a.locale from network_event_signups s
    join people p on p.school_id = s.school_id and p.id = s.person_id
    join accounts a on a.id = p.account_id
    where s.id in (${sql.join(signupIds.map((id) => sql`${id}::uuid`), sql`, `)}) and p.active and a.disabled_at is null`);
}

/** The sign-ups a cancellation concerns: active ones of the session (or of every session of the event). */
export async function activeSignupIds(exec: Executor, where: { sessionId: string } | { eventId: string }): Promise<string[]> {
  const cond = 'sessionId' in where ? sql`session_id = ${where.sessionId}` : sql`event_id = ${where.eventId}`;
  const rows = await rawQuery<{ id: string }>(exec, sql`select id from network_event_signups where cancelled_at is null and ${cond}`);
  return rows.map((r) => r.id);
}

/** When a session is: its Copenhagen date and time, as the mails write it. */
export const whenOf = (startsAt: Date) =>
  new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }).format(startsAt);

export async function sendEventMails(m: MailContext, mails: readonly EventMail[]): Promise<number> {
  if (!m.mailer.enabled) return 0;
  let sent = 0;
  for (const mail of mails) {
    try {
      sent += await mailEach(m.mailer, mail.to, mail.key, { ...mail.vars, link: `${m.origin}${mail.vars.link ?? ''}` });
    } catch (err) {
      m.log.error({ err }, 'event notification failed');
    }
  }
  return sent;
}
