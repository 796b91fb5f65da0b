// npm run bench: every benchmark, one JSON line per figure.
import { spawnSync } from 'node:child_process';

for (const script of ['cold-start.mjs', 'people-list.mjs', 'import.mjs']) {
  const r = spawnSync(process.execPath, [new URL(script, import.meta.url).pathname], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
