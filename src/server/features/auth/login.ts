import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { accounts, loginAttempts, networkRoles } from '../../db/schema/index';
import { AppError } from '../../platform/errors';
import { verifyPassword } from '../../platform/passwords';
import { createSession, defaultSchoolFor } from '../../platform/sessions';

const invalidCredentials = () => new AppError(401, 'invalid_credentials');

async function checkRateLimit(db: Executor, config: Config, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - config.login.windowMs);
  const [byAccount, byIp] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, 'no'), gt(loginAttempts.at, since))),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since))),
  ]);
  if ((byAccount[0]?.n ?? 0) >= config.login.maxFailuresPerAccount || (byIp[0]?.n ?? 0) >= config.login.maxAttemptsPerIp) {
    const minutes = Math.ceil(config.login.windowMs / 60_000);
    throw new AppError(429, 'login_rate_limited', { vars: { minutes }, headers: { 'retry-after': String(minutes * 60) } });
  }
}

/**
 * Signs in with e-mail and password. A wrong password, an unknown e-mail, a disabled account and
 * an account without an active membership all give the same 401.
 */
export async function login(
  db: Executor,
  config: Config,
  input: { email: string; password: string; ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const email = input.email.trim().toLowerCase();
  await checkRateLimit(db, config, email, input.ip);
  const [account] = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${email}`)
    .limit(1);
  const ok = await verifyPassword(account?.passwordHash ?? null, input.password);
  const record = (success: boolean) => db.insert(loginAttempts).values({ email, ip: input.ip, success: success ? 'yes' : 'no' });
  if (!account || !ok || account.disabledAt) {
    await record(false);
    throw invalidCredentials();
  }
  const schoolId = await defaultSchoolFor(db, account.id);
  if (!schoolId) {
    const net = await db.select().from(networkRoles).where(eq(networkRoles.accountId, account.id)).limit(1);
    if (net.length === 0) {
      await record(false);
      throw invalidCredentials();
    }
  }
  await record(true);
  return createSession(db, config, { accountId: account.id, schoolId, ip: input.ip, userAgent: input.userAgent });
}
