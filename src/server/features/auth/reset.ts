import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, people, schools } from '../../db/schema/index';
import type { Mailer } from '../../platform/mail';
import { deliverLink, issueToken, linkFor } from './account-tokens';

/** Self-service reset: e-mails a reset link to a known, enabled account with an active membership; does nothing for any other address. */
export async function sendResetLink(db: Executor, mailer: Mailer, input: { email: string; origin: string }): Promise<void> {
  const [row] = await db
    .select({ accountId: accounts.id, locale: accounts.locale, schoolId: schools.id, schoolName: schools.name })
    .from(accounts)
    .innerJoin(people, and(eq(people.accountId, accounts.id), eq(people.active, true)))
    .innerJoin(schools, eq(schools.id, people.schoolId))
    .where(and(sql`lower(${accounts.email}) = ${input.email}`, isNull(accounts.disabledAt)))
    .limit(1);
  if (!row) return;
  const token = await issueToken(db, { kind: 'reset', accountId: row.accountId, schoolId: row.schoolId, createdBy: null });
  await deliverLink(mailer, {
    kind: 'reset',
    to: input.email,
    locale: row.locale === 'en' ? 'en' : 'da',
    link: linkFor(input.origin, 'reset', token),
    schoolName: row.schoolName,
  });
}
