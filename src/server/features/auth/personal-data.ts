import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accountTokens, accounts, auditEvents, calendarFeeds, loginAttempts, people, sessions } from '../../db/schema/index';
import type { ErasureContext, ErasureReport, PersonalDataHooks } from '../../platform/feature';
import { endAccountSessions } from '../../platform/sessions';
import { accountReachesBeyond } from './account-tokens';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The sign-in account behind a person of the school: the account, its sessions in this school and the one-time links issued for it here. */
async function exportAuth(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const [p] = await exec.select({ accountId: people.accountId }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  if (!p?.accountId) return { account: null, sessions: [], links: [] };
  const [account] = await exec.select().from(accounts).where(eq(accounts.id, p.accountId));
  const mySessions = await exec
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, p.accountId), eq(sessions.schoolId, schoolId)))
    .orderBy(desc(sessions.createdAt));
  const links = await exec
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.accountId, p.accountId), eq(accountTokens.schoolId, schoolId)))
    .orderBy(asc(accountTokens.createdAt));
  return {
    account: account
      ? { email: account.email, locale: account.locale, hasPassword: account.passwordHash !== null, createdAt: iso(account.createdAt), disabledAt: iso(account.disabledAt) }
      : null,
    sessions: mySessions.map((s) => ({ createdAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), endedAt: iso(s.endedAt), ip: s.ip, userAgent: s.userAgent })),
    links: links.map((t) => ({ kind: t.kind, createdAt: iso(t.createdAt), expiresAt: iso(t.expiresAt), usedAt: iso(t.usedAt) })),
  };
}

/**
 * The sign-in account (docs/PRIVACY.md): the person is unlinked from it, its sessions in this school
 * end and go, and the links issued for it here are deleted. When it signs in to no other school and
 * holds no network role, the account itself goes, with all its sessions, links and counted sign-in
 * failures; rows elsewhere that named it as their author (audit events, links it issued, calendar
 * subscriptions) keep their content without the reference. Runs after every other feature, which
 * may still match the person's rows by the account.
 */
async function eraseAuth(tx: Executor, schoolId: string, personId: string, { subject }: ErasureContext): Promise<ErasureReport> {
  const accountId = subject.accountId;
  if (!accountId) return {};
  await tx.update(people).set({ accountId: null }).where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  await endAccountSessions(tx, accountId, schoolId);
  const here = await tx.delete(sessions).where(and(eq(sessions.accountId, accountId), eq(sessions.schoolId, schoolId))).returning({ id: sessions.id });
  const links = await tx.delete(accountTokens).where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.schoolId, schoolId))).returning({ id: accountTokens.id });
  if (await accountReachesBeyond(tx, accountId, schoolId)) return { deleted: { sessions: here.length, links: links.length, account: 0 } };

  const [account] = await tx.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, accountId));
  await endAccountSessions(tx, accountId);
  await tx.update(auditEvents).set({ actorAccountId: null }).where(eq(auditEvents.actorAccountId, accountId));
  await tx.update(accountTokens).set({ createdBy: null }).where(eq(accountTokens.createdBy, accountId));
  await tx.update(calendarFeeds).set({ createdBy: null }).where(eq(calendarFeeds.createdBy, accountId));
  const rest = await tx.delete(sessions).where(eq(sessions.accountId, accountId)).returning({ id: sessions.id });
  const restLinks = await tx.delete(accountTokens).where(eq(accountTokens.accountId, accountId)).returning({ id: accountTokens.id });
  if (account) await tx.delete(loginAttempts).where(sql`lower(${loginAttempts.email}) = ${account.email.toLowerCase()}`);
  await tx.delete(accounts).where(eq(accounts.id, accountId));
  return { deleted: { sessions: here.length + rest.length, links: links.length + restLinks.length, account: 1 } };
}

export const authPersonalData: PersonalDataHooks = { export: exportAuth, erase: eraseAuth, eraseLast: true };
