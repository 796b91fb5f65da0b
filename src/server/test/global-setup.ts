import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config';
import { openPostgres } from '../db/client';
import { writeTemplate } from './template';

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
  await writeTemplate(TEMPLATE_PATH);
  project.provide('templatePath', TEMPLATE_PATH);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templatePath: string;
  }
}
