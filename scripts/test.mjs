#!/usr/bin/env node
// npm test: typecheck, lint, unit + API tests (PGlite, or PostgreSQL with TEST_DATABASE_URL), then the browser suite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

if (!only || only === 'static') {
  run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  run('lint', bin('oxlint'), ['--deny-warnings', 'src', 'e2e', 'bench', 'scripts']);
}
if (!only || only === 'server') run('unit and API tests', bin('vitest'), ['run', '--project', 'server']);
if (!only || only === 'e2e') {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (process.env.E2E_REQUIRED === '1') {
      console.error(`✖ browser suite: Chromium not found at ${chromium} and E2E_REQUIRED=1`);
      process.exit(1);
    }
    console.log(`Browser suite not run: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH).`);
  } else {
    run('browser suite (Chromium)', bin('vitest'), ['run', '--project', 'e2e']);
  }
}
