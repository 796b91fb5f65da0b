// Bundles the server (src/server/main.ts and everything it imports from src/) into one ES module,
// dist/server/main.mjs, with the npm packages left as imports. Node then starts without compiling
// TypeScript on the fly. Rebuilt when missing or older than any server source or package.json.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const serverBundle = join(root, 'dist/server/main.mjs');

const newest = (dir) => {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.endsWith('.test.ts')) max = Math.max(max, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return max;
};

export async function buildServerIfStale() {
  const sources = Math.max(newest(join(root, 'src/server')), statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'src/web/locales')).mtimeMs);
  if (existsSync(serverBundle) && statSync(serverBundle).mtimeMs >= sources) return false;
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    outfile: serverBundle,
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
