import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { texts } from './scripts/vite-texts.ts';
import { TEXT_PARTS } from './src/web/locales/parts.ts';

// Tests that import web code (route lists, the live client) meet the locale parts as the build does.
const webTexts = texts(TEXT_PARTS, resolve(import.meta.dirname, 'src/web/locales'));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [webTexts],
        test: {
          name: 'server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['src/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
          isolate: false,
        },
      },
      {
        plugins: [webTexts],
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
