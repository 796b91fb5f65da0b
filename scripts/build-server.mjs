// Bundles the server (src/server/main.ts and everything it imports from src/) into one ES module,
// dist/server/main.mjs, with the npm packages left as imports, and the database worker thread
// (src/server/db/pglite-worker.ts, EMBEDDED_DB=worker) into dist/server/pglite-worker.mjs beside it, and
// the library's workers (src/server/features/library/{sanitize,spellcheck}-worker.ts) beside them.
// Node then starts without compiling TypeScript on the fly. Rebuilt when either is missing or older
// than any server source or package.json.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const serverBundle = join(root, 'dist/server/main.mjs');
const workerBundle = join(root, 'dist/server/pglite-worker.mjs');
const libraryWorkerBundles = ['sanitize-worker', 'spellcheck-worker'].map((name) => join(root, `dist/server/${name}.mjs`));

const newest = (dir) => {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.endsWith('.test.ts')) max = Math.max(max, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return max;
};

export async function buildServerIfStale() {
  const sources = Math.max(newest(join(root, 'src/server')), statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'src/web/locales')).mtimeMs);
  if ([serverBundle, workerBundle, ...libraryWorkerBundles].every((f) => existsSync(f) && statSync(f).mtimeMs >= sources)) return false;
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      main: join(root, 'src/server/main.ts'),
      'pglite-worker': join(root, 'src/server/db/pglite-worker.ts'),
      'sanitize-worker': join(root, 'src/server/features/library/sanitize-worker.ts'),
      'spellcheck-worker': join(root, 'src/server/features/library/spellcheck-worker.ts'),
    },
    outdir: join(root, 'dist/server'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServerIfStale();
