import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config';
import { openPglite, openPostgres } from '../db/client';

export const TEMPLATE_PATH = resolve('.test-data/template.tar');

/**
 * Migrates once per run. On PostgreSQL (TEST_DATABASE_URL) the tests share that database; on
 * PGlite every test file starts from a dump of one freshly migrated database.
 */
export default async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  if (config.testDatabaseUrl) {
    const database = openPostgres(config.testDatabaseUrl, 1);
    await database.migrate();
    await database.close();
    project.provide('templatePath', '');
    return;
  }
  const database = openPglite(undefined);
  await database.migrate();
  const client = database.client;
  if (!client) throw new Error('PGlite client not exposed');
  const dump = await client.dumpDataDir('none');
  mkdirSync(resolve('.test-data'), { recursive: true });
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templatePath', TEMPLATE_PATH);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templatePath: string;
  }
}
