#!/usr/bin/env node
// The import boundaries of docs/ARCHITECTURE.md ("The shape of a feature"), checked over src/:
// - a server feature imports another feature only through that feature's api.ts;
// - src/server/platform and src/server/db import no feature;
// - a web feature imports nothing from another web feature;
// - src/shared imports nothing from src/server or src/web;
// - no import cycles between files (type-only imports included: a cycle is a design smell either way).
// Exits 1 and names each offending import or cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');
const EXT = ['.ts', '.tsx'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return EXT.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, ...EXT.map((e) => base + e), ...EXT.map((e) => join(base, `index${e}`))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const files = walk(root);
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const deps = new Set();
  for (const m of text.matchAll(IMPORT)) {
    const target = resolveImport(file, m[1] ?? m[2]);
    if (target) deps.add(target);
  }
  graph.set(file, [...deps]);
}

const rel = (p) => relative(resolve('.'), p);
const area = (p) => {
  const r = relative(root, p).split(/[\\/]/);
  if (r[0] === 'server' && r[1] === 'features' && r.length > 3) return { side: 'server', feature: r[2], file: r.slice(3).join('/') };
  if (r[0] === 'web' && r[1] === 'features' && r.length > 3) return { side: 'web', feature: r[2], file: r.slice(3).join('/') };
  return { side: r[0], layer: r[1] };
};
const isTest = (p) => /\.test\.tsx?$|matrix\.fixtures\.ts$|[\\/]test[\\/]/.test(p);

const problems = [];
for (const [file, deps] of graph) {
  const from = area(file);
  for (const dep of deps) {
    const to = area(dep);
    if (from.side === 'server' && from.feature && to.side === 'server' && to.feature && to.feature !== from.feature && to.file !== 'api.ts' && !isTest(file)) {
      problems.push(`${rel(file)} imports ${rel(dep)}: another feature's internals (import its api.ts)`);
    }
    if (from.side === 'server' && (from.layer === 'platform' || from.layer === 'db') && to.feature && !isTest(file)) {
      problems.push(`${rel(file)} imports ${rel(dep)}: the platform knows no feature`);
    }
    if (from.side === 'web' && from.feature && to.side === 'web' && to.feature && to.feature !== from.feature) {
      problems.push(`${rel(file)} imports ${rel(dep)}: web features do not import each other`);
    }
    if (from.side === 'shared' && (to.side === 'server' || to.side === 'web')) {
      problems.push(`${rel(file)} imports ${rel(dep)}: shared code is shared by both sides and imports neither`);
    }
  }
}

// Cycles: Tarjan's strongly connected components.
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
function strongConnect(v) {
  info.set(v, { index, low: index, on: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!info.has(w)) {
      strongConnect(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).on) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).on = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
}
for (const v of graph.keys()) if (!info.has(v)) strongConnect(v);
for (const c of cycles) problems.push(`import cycle: ${c.map(rel).sort().join(' ↔ ')}`);

if (problems.length) {
  console.error(`✖ import boundaries: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`import boundaries: ${graph.size} files, no cross-feature import, no cycle`);
