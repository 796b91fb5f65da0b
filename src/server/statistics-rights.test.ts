import { beforeAll, describe, expect, it } from 'vitest';
import type { SchoolRole } from '../shared/roles';
import { features } from './features/index';
import { testApp } from './test/app';
import { signIn, type TestClient } from './test/client';
import { buildPerson, buildSchool } from './test/factories';
import { readRights } from './test/rights';

/**
 * Students and company supervisors see nothing of the school's internal statistics: the Overblik,
 * the strategy overview and its export, competence and survey aggregates, the staff status and the
 * level-0 list, the network's figures. Every such action, and the action of every route that
 * answers with aggregates (`aggregate: true`), is "–" for them in docs/RIGHTS.md (which the
 * authorization matrix holds every route to); the server refuses them and `GET /me` grants them
 * none of it, so the navigation (built from those abilities) shows none of it.
 */
const STATISTICS_ACTIONS = [
  'school:overview',
  'strategy:overview',
  'strategy:export',
  'competence:aggregate',
  'competence:staffStatus',
  'competence:levelZero',
  'surveyRound:report',
  'network:read',
] as const;
const OUTSIDERS: SchoolRole[] = ['student', 'company_supervisor'];

const { app, database } = await testApp();
const db = database.db;
const routes = features.flatMap((f) => f.routes);
const statistics = routes.filter((r) => r.aggregate === true || (STATISTICS_ACTIONS as readonly string[]).includes(String(r.action)));
const RIGHTS = readRights();

const clients = new Map<SchoolRole, TestClient>();
beforeAll(async () => {
  const school = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  for (const role of OUTSIDERS) clients.set(role, await signIn(app, (await buildPerson(db, school, { roles: [role] })).email));
});

describe("the school's statistics are not for students and company supervisors", () => {
  it('finds the statistics routes (the Overblik, the strategy overview, the heatmap …)', () => {
    const urls = statistics.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['GET /overview', 'GET /strategy/overview', 'GET /competence/heatmap', 'GET /competence/staff-status']));
  });

  it('docs/RIGHTS.md gives them none of it', () => {
    const actions = new Set<string>([...STATISTICS_ACTIONS, ...statistics.map((r) => String(r.action))]);
    for (const action of actions) {
      const row = RIGHTS.get(action);
      expect(row, `${action} has no row in docs/RIGHTS.md`).toBeDefined();
      for (const role of OUTSIDERS) expect(row?.[role], `${action} for ${role}`).toBe('–');
    }
  });

  it('the server refuses them every statistics route without a resource, and GET /me grants none of it', async () => {
    const open = statistics.filter((r) => r.method === 'GET' && !r.url.includes(':'));
    expect(open.length).toBeGreaterThan(3);
    for (const role of OUTSIDERS) {
      const c = clients.get(role);
      if (!c) throw new Error(role);
      for (const r of open) expect((await c.get(`/api/v1${r.url}`)).statusCode, `${role} ${r.url}`).toBe(403);
      const abilities = (await c.get('/api/v1/me')).json().abilities as string[];
      for (const a of STATISTICS_ACTIONS) expect(abilities, role).not.toContain(a);
    }
  });
});
