#!/usr/bin/env node
// The first page's JavaScript budget: from Vite's manifest (dist/web/.vite/manifest.json), the
// gzipped size of the JS the browser needs to show the sign-in page, Min side and the Overblik: the entry,
// its static imports, the route's lazy chunk and that chunk's static imports (what Vite preloads).
// Chunks the page imports later (ECharts when a chart mounts) are printed but not counted.
// Exits 1 when a page is over budget. Usage: node scripts/check-bundle-budget.mjs [webRoot]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 250 * 1024;
/** The pages held to the budget: their route module, as the manifest names it (relative to src/web). */
export const PAGES = [
  { page: 'sign-in', route: 'features/auth/pages/LoginPage.tsx' },
  { page: 'overblik', route: 'features/overview/pages/OverviewPage.tsx' },
  // the first page after sign-in
  { page: 'min side', route: 'features/home/pages/HomePage.tsx' },
];

/** The chunks a page needs (entry + route chunk + their static imports) and those it may import later. */
export function chunksFor(manifest, route) {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  if (!manifest[route]) throw new Error(`the manifest has no chunk for ${route}: is it still a lazy route?`);
  const needed = new Set();
  const visit = (key) => {
    if (needed.has(key)) return;
    needed.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  visit(entry);
  visit(route);
  const later = new Set();
  const visitLater = (key) => {
    if (needed.has(key) || later.has(key)) return;
    later.add(key);
    for (const dep of manifest[key]?.imports ?? []) visitLater(dep);
  };
  // The route's own dynamic imports (and theirs, transitively), not the entry's other routes.
  const dynamicOf = (key, seen = new Set()) => {
    if (seen.has(key) || key === entry) return [];
    seen.add(key);
    return [...(manifest[key]?.dynamicImports ?? []), ...(manifest[key]?.imports ?? []).flatMap((d) => dynamicOf(d, seen))];
  };
  for (const key of dynamicOf(route)) visitLater(key);
  const files = (keys) => [...keys].map((k) => manifest[k]?.file).filter((f) => f?.endsWith('.js'));
  return { needed: files(needed), later: files(later) };
}

const gzipped = (webRoot, file) => {
  const gz = join(webRoot, `${file}.gz`);
  return existsSync(gz) ? readFileSync(gz).length : gzipSync(readFileSync(join(webRoot, file)), { level: 9 }).length;
};

/** Measures every budgeted page; returns one figure per page. */
export function measure(webRoot) {
  const manifestPath = join(webRoot, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build with vite (build.manifest) first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return PAGES.map(({ page, route }) => {
    const { needed, later } = chunksFor(manifest, route);
    const sum = (files) => files.reduce((n, f) => n + gzipped(webRoot, f), 0);
    return { page, files: needed.length, gzipBytes: sum(needed), laterGzipBytes: sum(later), laterFiles: later.length };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const webRoot = process.argv[2] ?? new URL('../dist/web', import.meta.url).pathname;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  let over = false;
  for (const f of measure(webRoot)) {
    const ok = f.gzipBytes <= BUDGET_BYTES;
    over ||= !ok;
    const later = f.laterFiles ? `; later on demand: ${kb(f.laterGzipBytes)} in ${f.laterFiles} chunks` : '';
    console.log(`${ok ? '✔' : '✖'} ${f.page}: ${kb(f.gzipBytes)} gzipped JS in ${f.files} files (budget ${kb(BUDGET_BYTES)})${later}`);
  }
  if (over) {
    console.error('✖ the first page is over its JavaScript budget: split the route, or load the heavy part on demand');
    process.exit(1);
  }
}
