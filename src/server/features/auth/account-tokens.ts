import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, accountTokens, networkRoles, people, schools } from '../../db/schema/index';
import { AppError } from '../../platform/errors';
import type { Mailer } from '../../platform/mail';
import { translate, type Locale } from '../../platform/messages';
import { hashPassword } from '../../platform/passwords';
import { endAccountSessions } from '../../platform/sessions';
import { hashSecret, newSecret } from '../../platform/tokens';

/** How long a one-time link works. */
export const TOKEN_TTL_DAYS = 7;
export const TOKEN_TTL_MS = TOKEN_TTL_DAYS * 24 * 3_600_000;
export type TokenKind = 'invite' | 'reset';

export const linkFor = (baseUrl: string, kind: TokenKind, token: string) =>
  `${baseUrl}/${kind === 'invite' ? 'invitation' : 'nulstil-adgangskode'}/${token}`;

/** Finds or creates the sign-in account for an e-mail address. */
export async function ensureAccount(exec: Executor, email: string, locale: Locale): Promise<string> {
  const [found] = await exec
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${email.toLowerCase()}`)
    .limit(1);
  if (found) return found.id;
  const [created] = await exec.insert(accounts).values({ email: email.toLowerCase(), locale }).returning({ id: accounts.id });
  if (!created) throw new Error('account insert returned nothing');
  return created.id;
}

/**
 * Whether an account is also used outside this school (a person in another school, or a network
 * role). A link that sets its password must then reach only its owner: it may be e-mailed, never
 * handed to this school's administrator to copy, or that administrator could take the account over.
 */
export async function accountReachesBeyond(exec: Executor, accountId: string, schoolId: string): Promise<boolean> {
  const [elsewhere] = await exec
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.accountId, accountId), ne(people.schoolId, schoolId)))
    .limit(1);
  if (elsewhere) return true;
  const [network] = await exec.select({ id: networkRoles.accountId }).from(networkRoles).where(eq(networkRoles.accountId, accountId)).limit(1);
  return network !== undefined;
}

/** Issues a one-time link (7 days). Earlier unused links of the same kind stop working. */
export async function issueToken(
  exec: Executor,
  input: { kind: TokenKind; accountId: string; schoolId: string | null; createdBy: string | null },
): Promise<string> {
  await exec
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.accountId, input.accountId), eq(accountTokens.kind, input.kind), isNull(accountTokens.usedAt)));
  const { token, hash } = newSecret();
  await exec.insert(accountTokens).values({
    tokenHash: hash,
    kind: input.kind,
    accountId: input.accountId,
    schoolId: input.schoolId,
    createdBy: input.createdBy,
    expiresAt: new Date(Date.now() + TOKEN_TTL_MS),
  });
  return token;
}

/** Sends the link by e-mail when SMTP is configured; otherwise returns it for the administrator to copy. */
export async function deliverLink(
  mailer: Mailer,
  input: { kind: TokenKind; to: string; locale: Locale; link: string; schoolName: string },
): Promise<{ emailed: boolean; link: string | null }> {
  if (!mailer.enabled) return { emailed: false, link: input.link };
  const prefix = input.kind === 'invite' ? 'mail.invite' : 'mail.reset';
  await mailer.send({
    to: input.to,
    subject: translate(input.locale, `${prefix}.subject`, { school: input.schoolName }),
    text: translate(input.locale, `${prefix}.body`, { school: input.schoolName, link: input.link, days: TOKEN_TTL_DAYS }),
  });
  return { emailed: true, link: null };
}

async function findValidToken(exec: Executor, token: string) {
  const [row] = await exec
    .select({
      id: accountTokens.id,
      kind: accountTokens.kind,
      accountId: accountTokens.accountId,
      email: accounts.email,
      schoolName: schools.name,
    })
    .from(accountTokens)
    .innerJoin(accounts, eq(accounts.id, accountTokens.accountId))
    .leftJoin(schools, eq(schools.id, accountTokens.schoolId))
    .where(and(eq(accountTokens.tokenHash, hashSecret(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())))
    .limit(1);
  if (!row) throw new AppError(410, 'token_invalid');
  return row;
}

export async function describeToken(db: Executor, token: string) {
  const row = await findValidToken(db, token);
  const [person] = await db.select({ name: people.name }).from(people).where(eq(people.accountId, row.accountId)).limit(1);
  return { kind: row.kind, email: row.email, name: person?.name ?? null, schoolName: row.schoolName };
}

/** Uses a link once: sets the password, ends older sessions, and marks the link used. */
export async function redeemToken(db: Executor, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await findValidToken(tx, token);
    const used = await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.id, row.id), isNull(accountTokens.usedAt)))
      .returning({ id: accountTokens.id });
    if (used.length === 0) throw new AppError(410, 'token_invalid');
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, row.accountId));
    await endAccountSessions(tx, row.accountId);
  });
}
