import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Mailer } from './mail';

/** What the app is built from. `webRoot`: the built UI to serve (default dist/web); tests pass their own. */
export type AppDeps = { config: Config; database: Database; mailer: Mailer; webRoot?: string };
