// Sign-in through an identity provider end to end on loopback: start → the provider (the in-process
// OpenID provider of the tests, Entra-shaped, no form) → the callback (code exchange, ID token
// checked against the provider's keys, the link, the session) → /me, against the real app over
// HTTP on an in-memory embedded database. A password sign-in (POST /auth/login, argon2id) → /me is
// measured in the same run. Prints one JSON line per kind: median and p95 in ms.
// Usage: node bench/oidc-sign-in.mjs [rounds=40]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

// the app's sources are TypeScript: run again under tsx (as the other in-process benches' servers are)
if (!process.execArgv.some((a) => a.includes('tsx'))) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const { emit, round, median } = await import('./lib.mjs');
const { buildApp } = await import('../src/server/app.ts');
const { loadConfig } = await import('../src/server/config.ts');
const { openPglite } = await import('../src/server/db/client.ts');
const { accounts, people, personRoles } = await import('../src/server/db/schema/index.ts');
const { createMailer } = await import('../src/server/platform/mail.ts');
const { hashPassword } = await import('../src/server/platform/passwords.ts');
const { createSchool, ensureNetworkNamed } = await import('../src/server/seed/create-school.ts');
const { addProviderAsHost } = await import('../src/server/features/sign-in/api.ts');
const { ENTRA_TENANT, entraUser, startOidcProvider } = await import('../src/server/test/oidc-provider.ts');

const rounds = Number(process.argv[2] ?? 40);
const warmup = 5;
const PASSWORD = 'bench-adgangskode-lang-nok';
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

const database = openPglite(undefined);
await database.migrate();
const db = database.db;
const schoolId = await createSchool(db, { networkId: await ensureNetworkNamed(db, 'Bench'), name: 'Benchskolen', institutionNumber: null });
const email = 'laerer@bench.example';
const [account] = await db.insert(accounts).values({ email, passwordHash: await hashPassword(PASSWORD) }).returning();
const [person] = await db.insert(people).values({ schoolId, accountId: account.id, name: 'Bench Lærer', email }).returning();
await db.insert(personRoles).values({ schoolId, personId: person.id, role: 'teacher' });

// development: the provider is http on loopback, which production refuses
const config = { ...loadConfig({ NODE_ENV: 'development' }), logLevel: 'silent', readCacheTtlMs: 0, jobsIntervalMs: 0, secretsKey: randomBytes(32) };
const app = await buildApp({ config, database, mailer: createMailer(undefined, 'bench@retning') });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.server.address().port}`;
const idp = await startOidcProvider({ flavour: 'entra', users: [entraUser({ oid: 'bench-oid', email })] });
const providerId = await addProviderAsHost(db, config, schoolId, {
  kind: 'entra', label: 'Microsoft', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret,
  allowedTenants: [ENTRA_TENANT], emailMatching: true, claims: {}, active: true,
});

const cookieOf = (res) => res.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.startsWith('retning_session=')).join('; ');
async function me(cookie) {
  const res = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`/me answered ${res.status}`);
  await res.arrayBuffer();
}

async function providerRound() {
  const t0 = performance.now();
  const start = await fetch(`${base}/api/v1/auth/oidc/${providerId}/start`, { redirect: 'manual' });
  const back = await idp.followToCallback(start.headers.get('location'));
  const callback = await fetch(back, { redirect: 'manual' });
  if (callback.headers.get('location') !== '/') throw new Error(`callback went to ${callback.headers.get('location')}`);
  await me(cookieOf(callback));
  return performance.now() - t0;
}

async function passwordRound() {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  await me(cookieOf(res));
  return performance.now() - t0;
}

const times = { oidc: [], password: [] };
for (let i = 0; i < warmup + rounds; i++) {
  // interleaved, so both kinds meet the same machine
  const o = await providerRound();
  const p = await passwordRound();
  if (i >= warmup) {
    times.oidc.push(o);
    times.password.push(p);
  }
}
for (const [kind, xs] of Object.entries(times)) {
  const what = kind === 'oidc' ? 'provider (start → provider → callback → /me)' : 'password (login → /me)';
  emit({ bench: 'oidc-sign-in', kind: what, rounds, medianMs: round(median(xs)), p95Ms: round(p95(xs)) });
}
await idp.close();
await app.close();
await database.close();
