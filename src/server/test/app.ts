import { afterAll } from 'vitest';
import { buildApp } from '../app';
import type { Config } from '../config';
import { createMailer, type Mailer } from '../platform/mail';
import type { App } from '../platform/http';
import type { Database } from '../db/client';
import { testConfig, testDatabase } from './database';

/** A real app on a real database for one test file; closed after the file. `embedded`: see testDatabase. */
export async function testApp(opts: { config?: Partial<Config>; mailer?: Mailer; embedded?: boolean } = {}): Promise<{ app: App; database: Database; config: Config }> {
  const database = await testDatabase({ embedded: opts.embedded });
  const config = testConfig(opts.config);
  const app = await buildApp({ config, database, mailer: opts.mailer ?? createMailer(undefined, 'test@retning') });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database, config };
}
