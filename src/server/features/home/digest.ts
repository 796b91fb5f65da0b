import { and, eq, lt, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { homeDigests } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { HomeItem } from '../../platform/feature';
import type { Mailer } from '../../platform/mail';
import { translate, type Locale } from '../../platform/messages';
import type { Job } from '../../platform/scheduler';
import { copenhagenDay } from '../../platform/time';
import { newSecret } from '../../platform/tokens';
import type { SchoolRole } from '../../../shared/roles';
import { HOME_MODULES } from '../../../shared/home';
import { addDays } from './api';
import { homeContext, homeFor, type HomeSources } from './collect';
import { describeItem } from './wording';

/**
 * The weekly e-mail digest: once a week, from Monday DIGEST_HOUR o'clock in Copenhagen, each
 * person with something on their home page gets the list by e-mail in their language (when SMTP
 * is set up). The week is claimed per person by inserting its row in home_digests before their
 * page is read, so several instances, a restart or the next hourly run never send the same week
 * twice (a person with nothing waiting keeps the claim and gets no mail that week); a mail that
 * fails gives its claim back, so the next run tries again. The row also keeps the
 * hash of the unsubscribe link's token; links older than DIGEST_LINK_WEEKS stop working.
 */
export const DIGEST_HOUR = 7;
/** The digest goes out on Monday and, when the server was down then, on Tuesday; never later in the week. */
export const DIGEST_DAYS = 2;
export const DIGEST_LINK_WEEKS = 26;

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The ISO week ('2025-W02') of a calendar day. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whether this instant, in Copenhagen, is within the digest's days of the week (Monday from DIGEST_HOUR). */
export function digestDue(now: Date): boolean {
  const parts = Object.fromEntries(clock.formatToParts(now).map((p) => [p.type, p.value]));
  const day = WEEKDAYS.indexOf(parts.weekday ?? '');
  const hour = Number(parts.hour);
  return day >= 0 && day < DIGEST_DAYS && (day > 0 || hour >= DIGEST_HOUR);
}

type Recipient = {
  school_id: string;
  school_name: string;
  network_id: string;
  person_id: string;
  name: string;
  department_id: string | null;
  account_id: string;
  email: string;
  locale: string;
  roles: SchoolRole[];
};

/** Active people with a working account in schools in use, who have not said no and have not had this week's digest. */
async function recipients(db: Db, week: string): Promise<Recipient[]> {
  return rawQuery<Recipient>(
    db,
    sql`
    select p.school_id, s.name school_name, s.network_id, p.id person_id, p.name, p.department_id, a.id account_id, a.email, a.locale,
      array(select r.role from person_roles r where r.school_id = p.school_id and r.person_id = p.id order by r.role) roles
    from people p
    join accounts a on a.id = p.account_id
    join schools s on s.id = p.school_id
    where p.active and p.erased_at is null and a.disabled_at is null and s.archived_at is null
      and not exists (select 1 from home_preferences h where h.school_id = p.school_id and h.person_id = p.id and not h.weekly_digest)
      and not exists (select 1 from home_digests d where d.school_id = p.school_id and d.person_id = p.id and d.week = ${week})
    order by p.school_id, p.id`,
  );
}

const actorOf = (r: Recipient): SchoolActor => ({
  accountId: r.account_id,
  email: r.email,
  locale: r.locale === 'en' ? 'en' : 'da',
  sessionId: '',
  csrfToken: '',
  school: { id: r.school_id, name: r.school_name, networkId: r.network_id },
  person: { id: r.person_id, name: r.name, departmentId: r.department_id },
  roles: r.roles,
  network: null,
});

/** The digest's text: the items by module, each with its link, then the links to the home page and to unsubscribe. */
export function digestMail(locale: Locale, r: { name: string; school: string; week: string }, items: HomeItem[], origin: string, token: string) {
  const vars = { name: r.name, school: r.school, week: Number(r.week.slice(6)) };
  const sections = HOME_MODULES.flatMap((module) => {
    const mine = items.filter((i) => i.module === module);
    if (!mine.length) return [];
    const lines = mine.map((i) => `- ${describeItem(locale, i)}\n  ${origin}${i.path}`);
    return [`${translate(locale, `home.modules.${module}`)}\n${lines.join('\n')}`];
  });
  const text = [
    translate(locale, 'home.mail.greeting', vars),
    translate(locale, 'home.mail.intro', vars),
    ...sections,
    translate(locale, 'home.mail.more', { link: `${origin}/` }),
    translate(locale, 'home.mail.unsubscribe', { link: `${origin}/afmeld-ugebrev/${token}` }),
  ].join('\n\n');
  return { subject: translate(locale, 'home.mail.subject', vars), text };
}

/** Where links in the digest point: PUBLIC_URL, else the address the server listens on. */
const originOf = (config: Config) => (config.publicUrl ? new URL(config.publicUrl).origin : `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);

/** Sends this week's digest to everyone due one; returns what it did. */
export async function sendWeeklyDigests(db: Db, mailer: Mailer, config: Config, sources: HomeSources, now = new Date()) {
  if (!mailer.enabled || !digestDue(now)) return { due: mailer.enabled && digestDue(now), sent: 0 };
  const week = isoWeek(copenhagenDay(now));
  const ctx = homeContext(now);
  const origin = originOf(config);
  let sent = 0;
  let failed = 0;
  for (const r of await recipients(db, week)) {
    // Claimed before anything is read or sent: whoever inserts the week's row does this person's digest.
    const { token, hash } = newSecret();
    const [claimed] = await db
      .insert(homeDigests)
      .values({ schoolId: r.school_id, personId: r.person_id, week, tokenHash: hash })
      .onConflictDoNothing()
      .returning({ week: homeDigests.week });
    if (!claimed) continue;
    const actor = actorOf(r);
    try {
      // nothing on the page: the week is done without a mail
      const { items } = await homeFor(db, actor, sources, ctx);
      if (!items.length) continue;
      await mailer.send({ to: r.email, ...digestMail(actor.locale, { name: r.name, school: r.school_name, week }, items, origin, token) });
      sent++;
    } catch {
      failed++;
      await db.delete(homeDigests).where(and(eq(homeDigests.schoolId, r.school_id), eq(homeDigests.personId, r.person_id), eq(homeDigests.week, week)));
    }
  }
  // links in digests older than DIGEST_LINK_WEEKS stop working; the account page still turns the digest off
  await db.delete(homeDigests).where(lt(homeDigests.sentAt, new Date(`${addDays(ctx.today, -7 * DIGEST_LINK_WEEKS)}T00:00:00Z`)));
  return { due: true, week, sent, failed };
}

export const digestJob = (db: Db, mailer: Mailer, config: Config, sources: HomeSources): Job => ({
  name: 'home.weekly_digest',
  run: (now) => sendWeeklyDigests(db, mailer, config, sources, now),
});
