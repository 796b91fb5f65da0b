import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { accounts, networkRoles } from '../../db/schema/index';
import { AppError } from '../../platform/errors';
import { verifyPassword } from '../../platform/passwords';
import { createSession, defaultSchoolFor } from '../../platform/sessions';
import { forgetFailures, reserveAttempt } from './login-limits';

const invalidCredentials = () => new AppError(401, 'invalid_credentials');

/**
 * Signs in with e-mail and password. A wrong password, an unknown e-mail, a disabled account and
 * an account without an active membership all give the same 401, and all stay counted as failures
 * (the attempt is recorded as one before the password is checked: see login-limits.ts).
 */
export async function login(
  db: Executor,
  config: Config,
  input: { email: string; password: string; ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const email = input.email.trim().toLowerCase();
  await reserveAttempt(db, config.login, email, input.ip);
  const [account] = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${email}`)
    .limit(1);
  const ok = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !ok || account.disabledAt) throw invalidCredentials();
  const schoolId = await defaultSchoolFor(db, account.id);
  if (!schoolId) {
    const net = await db.select().from(networkRoles).where(eq(networkRoles.accountId, account.id)).limit(1);
    if (net.length === 0) throw invalidCredentials();
  }
  await forgetFailures(db, email, input.ip);
  return createSession(db, config, { accountId: account.id, schoolId, ip: input.ip, userAgent: input.userAgent });
}
