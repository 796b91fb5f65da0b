import { isIP } from 'node:net';
import { z } from 'zod';

/** An address or CIDR range as Fastify's trustProxy (proxy-addr) reads it, or one of its named ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** The only reader of process.env. Everything else receives a Config. */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Retning <retning@localhost>'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_FAILURES_BEFORE_WAIT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(20),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(300),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .refine((list) => list.every(isProxyAddress), 'a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal'),
  TRUST_PROXY: z.never({ error: 'replaced by TRUSTED_PROXIES (the proxies\' addresses)' }).optional(),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.never({ error: 'replaced by LOGIN_MAX_FAILURES_PER_ADDRESS (only failures count)' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  TEST_DATABASE_URL: z.string().url().optional(),
  E2E_REQUIRED: z.enum(['0', '1']).default('0'),
  CHROMIUM_PATH: z.string().optional(),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).default(50),
  STORAGE_QUOTA_MB: z.coerce.number().int().positive().default(5120),
  STORAGE_DIR: z.string().min(1).optional(),
  READ_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  JOBS_INTERVAL_MINUTES: z.coerce.number().min(0).max(1440).default(60),
  EMBEDDED_DB: z.enum(['worker', 'inline']).default('worker'),
  TEST_EMBEDDED_DB: z.enum(['worker', 'inline']).default('inline'),
  METRICS_TOKEN: z.union([z.literal(''), z.string().min(16, 'at least 16 characters')]).optional(),
  SECRETS_KEY: z
    .string()
    .refine((s) => s === '' || Buffer.from(s, 'base64').length === 32, '32 bytes, base64')
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Sign-in limits (features/auth/login-limits.ts): failures only, per account+address with a growing wait, per account, per address. */
  login: { failuresBeforeWait: number; maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMs: number };
  /** Peers whose X-Forwarded-* headers are believed (TRUSTED_PROXIES); none by default. */
  trustedProxies: string[];
  logLevel: string;
  /** Demo data is seeded only on an empty embedded database outside production. */
  seedDemo: boolean;
  testDatabaseUrl: string | undefined;
  e2eRequired: boolean;
  chromiumPath: string | undefined;
  /** Largest accepted upload in bytes (UPLOAD_LIMIT_MB, default 50). */
  uploadLimitBytes: number;
  /** Where uploaded files are kept, outside the web root (STORAGE_DIR, default DATA_DIR/uploads). */
  storageDir: string;
  /** Each school's storage for uploaded files unless the host set its own (STORAGE_QUOTA_MB, default 5 GB). */
  storageQuotaBytes: number;
  /** How long hot reads (the people list) may be served from memory; 0 turns the cache off. */
  readCacheTtlMs: number;
  /** How often background jobs (onboarding, automatic reminders) run; 0 turns them off. */
  jobsIntervalMs: number;
  /** Where embedded PGlite runs: in a worker thread (default, uses a second core) or on the main thread. */
  embeddedDb: 'worker' | 'inline';
  /** The same for the tests' per-file databases (TEST_EMBEDDED_DB, default inline). */
  testEmbeddedDb: 'worker' | 'inline';
  /** Turns on /metrics (Prometheus) for scrapes that send it as a bearer token; off when unset. */
  metricsToken: string | undefined;
  /** The key (32 bytes) that encrypts stored secrets such as identity providers' client secrets; outside production a key file in DATA_DIR stands in. */
  secretsKey: Buffer | undefined;
  /** Identity providers' issuers may be http on a loopback address (the tests' in-process provider); never in production. */
  allowLoopbackIssuers: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ugyldig konfiguration / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    login: {
      failuresBeforeWait: e.LOGIN_FAILURES_BEFORE_WAIT,
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
    },
    trustedProxies: e.TRUSTED_PROXIES,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'auto' && !e.DATABASE_URL && e.NODE_ENV !== 'production',
    testDatabaseUrl: e.TEST_DATABASE_URL,
    e2eRequired: e.E2E_REQUIRED === '1',
    chromiumPath: e.CHROMIUM_PATH,
    uploadLimitBytes: Math.round(e.UPLOAD_LIMIT_MB * 1024 * 1024),
    storageDir: e.STORAGE_DIR ?? `${e.DATA_DIR.replace(/\/$/, '')}/uploads`,
    storageQuotaBytes: e.STORAGE_QUOTA_MB * 1024 * 1024,
    readCacheTtlMs: Math.round(e.READ_CACHE_SECONDS * 1000),
    jobsIntervalMs: Math.round(e.JOBS_INTERVAL_MINUTES * 60_000),
    embeddedDb: e.EMBEDDED_DB,
    testEmbeddedDb: e.TEST_EMBEDDED_DB,
    metricsToken: e.METRICS_TOKEN || undefined,
    secretsKey: e.SECRETS_KEY ? Buffer.from(e.SECRETS_KEY, 'base64') : undefined,
    allowLoopbackIssuers: e.NODE_ENV !== 'production',
  };
}
