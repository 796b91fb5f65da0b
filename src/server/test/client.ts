import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Config } from '../config';
import type { Executor } from '../db/client';
import { accounts } from '../db/schema/index';
import { createSession, defaultSchoolFor, SESSION_COOKIE } from '../platform/sessions';
import type { App } from '../platform/http';
import { TEST_PASSWORD } from './factories';

type Body = Record<string, unknown> | unknown[] | string | Buffer | undefined;
export type TestClient = {
  csrfToken: string;
  cookie: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: Body): Promise<LightMyRequestResponse>;
  put(url: string, body?: Body): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

let ipCounter = 1;
/** A distinct client address per sign-in so that the per-IP sign-in limit does not couple tests. */
export const nextIp = () => `10.0.${Math.floor(ipCounter / 250) % 250}.${(ipCounter++ % 250) + 1}`;

/** Signs in through the real API and returns a client that sends the cookie and the CSRF token. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<TestClient> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: nextIp() });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = res.json() as { csrfToken: string };
  return clientFor(app, cookie, csrfToken);
}

/**
 * A new session made as the sign-in makes it (the account's default school, createSession), without
 * the password check: argon2 costs 15–40 ms each time, and the authorization matrix signs in
 * thousands of times. The sign-in itself is tested through the API (auth.test.ts).
 */
export async function sessionFor(app: App, exec: Executor, config: Config, email: string): Promise<TestClient> {
  const [account] = await exec.select({ id: accounts.id }).from(accounts).where(sql`lower(${accounts.email}) = ${email.toLowerCase()}`);
  if (!account) throw new Error(`no account for ${email}`);
  const schoolId = await defaultSchoolFor(exec, account.id);
  const session = await createSession(exec, config, { accountId: account.id, schoolId, ip: nextIp(), userAgent: undefined });
  return clientFor(app, `${SESSION_COOKIE}=${session.token}`, session.csrfToken);
}

function clientFor(app: App, cookie: string, csrfToken: string): TestClient {
  const request: TestClient['request'] = (method, url, body, headers = {}) => {
    const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
    return app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(isRaw ? { 'content-type': 'text/csv' } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as string }),
    });
  };
  return {
    csrfToken,
    cookie,
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body, headers),
    patch: (url, body) => request('PATCH', url, body),
    put: (url, body) => request('PUT', url, body),
    delete: (url) => request('DELETE', url),
  };
}
