import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The Node.js version the README promises is one every installed package says it runs on: each
 * package's `engines.node` (npm warns EBADENGINE otherwise), read from node_modules for every
 * package of the lock file, direct or not. package.json's `engines` and .nvmrc say the same.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
// semver comes with npm's own dependencies; it is read from node_modules, not declared by us.
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean; valid(v: string): string | null };

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const stated = /Node\.js (\d+\.\d+) eller nyere/.exec(readme)?.[1];
const minimum = `${stated}.0`;

type Lock = { packages: Record<string, { engines?: { node?: string } | string[] }> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;

/** Each installed package with the Node.js range it declares (from its own package.json, as npm checks it). */
function installedEngines(): { name: string; version: string; node: string }[] {
  return Object.keys(lock.packages).flatMap((path) => {
    const file = join(root, path, 'package.json');
    if (!path || !existsSync(file)) return [];
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
    const node = pkg.engines?.node;
    return typeof node === 'string' ? [{ name: `${path.replace(/^.*node_modules\//, '')}`, version: pkg.version ?? '?', node }] : [];
  });
}

describe('the Node.js version in the README', () => {
  it('is stated as a version in the getting-started line', () => {
    expect(stated).toMatch(/^\d+\.\d+$/);
    expect(semver.valid(minimum)).toBe(minimum);
  });

  it('is one every installed package declares it runs on', () => {
    const packages = installedEngines();
    expect(packages.length).toBeGreaterThan(50);
    const refusing = packages.filter((p) => !semver.satisfies(minimum, p.node)).map((p) => `${p.name}@${p.version} wants node ${p.node}`);
    expect(refusing).toEqual([]);
  });

  it('is what package.json engines and .nvmrc say', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${stated}`);
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(nvmrc.split('.')[0]).toBe(stated?.split('.')[0]);
  });
});
