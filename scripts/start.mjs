#!/usr/bin/env node
// npm start: builds the web UI and the server bundle when they are missing or older than their
// sources, then starts the server from the bundle (plain Node, no TypeScript compiling at start).
import { spawn } from 'node:child_process';
import { buildServerIfStale, serverBundle } from './build-server.mjs';
import { buildWebIfStale } from './build-web.mjs';

const root = new URL('..', import.meta.url).pathname;

buildWebIfStale();
await buildServerIfStale();
const server = spawn(process.execPath, ['--enable-source-maps', serverBundle], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
