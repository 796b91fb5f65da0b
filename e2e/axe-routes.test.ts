import { readFileSync } from 'node:fs';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PAGES } from './axe-pages';

/**
 * No page without an axe scan: every path the web router declares (the features' manifests, the
 * paths App.tsx declares itself, the 404) has an entry in the scan lists of e2e/axe-pages.ts, which
 * the role files scan at 1280 and 375 px; and the lists name no path the router does not have.
 */

/** Every path of a route tree, joined with its parents' (an index route is its parent's path). */
function paths(routes: readonly RouteObject[], base = ''): string[] {
  return routes.flatMap((r) => {
    const here = r.path === undefined ? base : r.path === '*' ? '*' : `${base}/${r.path}`.replace(/\/+/g, '/');
    const own = r.path !== undefined || r.index ? [here || '/'] : [];
    return [...own, ...paths(r.children ?? [], r.path === undefined ? base : here)];
  });
}

async function declaredRoutes(): Promise<string[]> {
  // The manifests import the web app's i18n module, which sets <html lang> when it loads; nothing else touches the DOM at import time.
  const g = globalThis as { document?: unknown };
  g.document ??= { documentElement: {} };
  const { webFeatures } = await import('../src/web/features/index');
  const fromFeatures = paths(webFeatures.flatMap((f) => [...(f.routes ?? []), ...(f.publicRoutes ?? [])]));
  // App.tsx's own routes (the accessibility statement, the 404), declared inline beside the features'.
  const app = readFileSync(new URL('../src/web/app/App.tsx', import.meta.url), 'utf8');
  const fromApp = [...app.matchAll(/path: '([^']+)'/g)].map((m) => (m[1] === '*' ? '*' : `/${m[1] ?? ''}`));
  return [...new Set([...fromFeatures, ...fromApp])].sort();
}

describe('axe covers every route', () => {
  it('every declared route has a scan, and every scan a declared route', async () => {
    const declared = await declaredRoutes();
    const scanned = new Set(Object.values(PAGES).flatMap((entries) => entries.map((e) => e.route)));
    expect(declared.length).toBeGreaterThan(30);
    expect(declared.filter((r) => !scanned.has(r)), 'routes without an axe scan (add them to e2e/axe-pages.ts)').toEqual([]);
    expect([...scanned].filter((r) => !declared.includes(r)).sort(), 'scans of routes the router does not declare').toEqual([]);
  });
});
