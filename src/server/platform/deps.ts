import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Mailer } from './mail';
import type { RealtimeBus } from './realtime-bus';

/**
 * What the app is built from. `webRoot`: the built UI to serve (default dist/web); tests pass their own.
 * `bus`: live changes between instances (platform/realtime-bus.ts); in-process when not given.
 * `logStream`: where the server log goes (level debug), for a test that reads what was logged; none in tests otherwise.
 */
export type AppDeps = { config: Config; database: Database; mailer: Mailer; webRoot?: string; bus?: RealtimeBus; logStream?: NodeJS.WritableStream };
