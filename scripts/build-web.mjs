// Builds the web UI with Vite into dist/web/ when it is missing or older than its sources
// (src/web/ or vite.config.ts). Used by npm start, npm test (the bundle budget) and the benches.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const webRoot = join(root, 'dist/web');
const builtIndex = join(webRoot, 'index.html');
const manifest = join(webRoot, '.vite/manifest.json');

const newest = (dir) => {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) max = Math.max(max, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return max;
};

/** True when dist/web is missing, has no manifest, or is older than src/web or vite.config.ts. */
export function webBuildIsStale() {
  if (!existsSync(builtIndex) || !existsSync(manifest)) return true;
  const sources = Math.max(newest(join(root, 'src/web')), statSync(join(root, 'vite.config.ts')).mtimeMs);
  return sources > statSync(builtIndex).mtimeMs;
}

/** Runs `vite build` when the build is stale; returns whether it built. Exits the process if the build fails. */
export function buildWebIfStale() {
  if (!webBuildIsStale()) return false;
  console.log('Bygger brugerfladen … / Building the web UI …');
  // NODE_ENV=production whatever the caller's (a test runner sets `test`): otherwise React's development build is bundled.
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfStale();
