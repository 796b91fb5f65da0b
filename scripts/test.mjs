#!/usr/bin/env node
// npm test: typecheck, lint, the first page's JavaScript budget (after a `vite build` when dist/web
// is stale), unit + API tests (PGlite, or PostgreSQL with TEST_DATABASE_URL), then the browser suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { buildWebIfStale } from './build-web.mjs';

const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
};
const bin = (name) => `node_modules/.bin/${name}`;
const only = process.argv[2];
const counts = { passed: 0, failed: 0 };
mkdirSync('.test-data', { recursive: true });
/** Runs one Vitest project and adds its results to the closing line. */
const vitest = (label, project) => {
  const out = `.test-data/results-${project}.json`;
  const r = spawnSync(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`], { stdio: 'inherit' });
  if (existsSync(out)) {
    const json = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed += json.numPassedTests ?? 0;
    counts.failed += json.numFailedTests ?? 0;
  }
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    console.log(`tests: ${counts.passed} passed, ${Math.max(counts.failed, 1)} failed`);
    process.exit(r.status ?? 1);
  }
};

if (!only || only === 'static') {
  run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  run('lint', bin('oxlint'), ['--deny-warnings', 'src', 'e2e', 'bench', 'scripts']);
  run('import boundaries', process.execPath, ['scripts/check-imports.mjs']);
  console.log('\n▶ web build (when stale)');
  buildWebIfStale();
  run('first-page JavaScript budget', process.execPath, ['scripts/check-bundle-budget.mjs']);
}
if (!only || only === 'server') {
  console.log('\n▶ unit and API tests');
  vitest('unit and API tests', 'server');
}
if (!only || only === 'e2e') {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (process.env.E2E_REQUIRED === '1') {
      console.error(`✖ browser suite: Chromium not found at ${chromium} and E2E_REQUIRED=1`);
      process.exit(1);
    }
    console.log(`Browser suite not run: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH).`);
  } else {
    console.log('\n▶ browser suite (Chromium)');
    vitest('browser suite', 'e2e');
  }
}
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
