#!/usr/bin/env node
// npm start: builds the web UI and the server bundle when they are missing or older than their
// sources, then starts the server from the bundle (plain Node, no TypeScript compiling at start).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServerIfStale, serverBundle } from './build-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const newest = (dir) => {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) max = Math.max(max, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return max;
};

const built = join(root, 'dist/web/index.html');
const stale = !existsSync(built) || newest(join(root, 'src/web')) > statSync(built).mtimeMs || statSync(join(root, 'vite.config.ts')).mtimeMs > statSync(built).mtimeMs;
if (stale) {
  console.log('Bygger brugerfladen … / Building the web UI …');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await buildServerIfStale();
const server = spawn(process.execPath, ['--enable-source-maps', serverBundle], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
