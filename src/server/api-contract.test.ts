import { describe, expect, it } from 'vitest';
import { ACTIONS, type TAction } from '../shared/api/actions';
import { features } from './features/index';
import { installedActions, type Action } from './platform/policy';
import { testApp } from './test/app';

/**
 * One API contract from server to browser: every route is built by the kernel and declares what it
 * answers, so the OpenAPI document describes every response; the web's list of abilities is the
 * server's list of policy actions. (Each API test also checks every answer against its route's
 * response schema: the test serializer fails a field the schema does not describe.)
 */
const { app } = await testApp();

// Compile-time: the web's action type and the server's are the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameActions: Same<Action, TAction> = true;

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }>; description?: string }> };

describe('API contract', () => {
  it('every API route of the app comes from a feature manifest', () => {
    const declared = new Set(features.flatMap((f) => f.routes.map((r) => `${r.method} /api/v1${r.url}`)));
    const served = app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(served.filter((r) => !declared.has(r))).toEqual([]);
    expect(served.length).toBe(declared.size);
  });

  it("the web's abilities are exactly the server's policy actions", () => {
    expect(sameActions).toBe(true);
    expect([...installedActions()].sort()).toEqual([...ACTIONS].sort());
  });

  it('the OpenAPI document describes a success response for every API operation', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const missing: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(item)) {
        operations++;
        const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        const described = success.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
        if (!described) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
