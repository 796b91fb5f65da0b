import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export const E2E_TEMPLATE_PATH = resolve('.test-data/e2e-template.tar');

/**
 * Migrates and seeds the demo school once per run; every browser-suite file starts its server on a
 * copy of that database (e2e/harness.ts). The demo school has no dates relative to today, so the
 * copy holds for the whole run.
 */
export default async function setup(project: TestProject): Promise<void> {
  const { writeTemplate } = await import('../src/server/test/template');
  const { seedDemo } = await import('../src/server/seed/demo');
  await writeTemplate(E2E_TEMPLATE_PATH, seedDemo);
  project.provide('e2eTemplatePath', E2E_TEMPLATE_PATH);
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplatePath: string;
  }
}
