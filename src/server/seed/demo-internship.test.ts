import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { isValidCvr } from '../features/internship/companies-cvr';
import { createMailer } from '../platform/mail';
import { todayInCopenhagen } from '../platform/time';
import { signIn } from '../test/client';
import { testConfig, testDatabase } from '../test/database';
import { seedDemo } from './demo';
import { DEMO_PASSWORD } from './demo-data';
import { seedDemoModules } from './demo-modules';

/*
 * The demo's praktik: valid CVR numbers, Emil Elev in a practice period with Byg & Co ApS today,
 * seen by his supervisor Pia and his teacher Lone (team Tømrer GF2), his praktikmål, offers.
 */
const open: Database[] = [];
const apps: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const d of open) await d.close();
});

it('seeds companies, the current practice period, praktikmål and offers that the demo people see', async () => {
  // the demo school's people have fixed e-mail addresses: a database of its own, also in the PostgreSQL run
  const database = await testDatabase({ embedded: true });
  open.push(database);
  const today = todayInCopenhagen();
  await seedDemo(database.db);
  await seedDemoModules(database.db, today);
  const app = await buildApp({ config: testConfig(), database, mailer: createMailer(undefined, 'test@retning') });
  await app.ready();
  apps.push(app);

  const lone = await signIn(app, 'laerer@demo.example', DEMO_PASSWORD);
  const companies = (await lone.get('/api/v1/internship/companies')).json().items as { name: string; cvr: string; currentStudents: number }[];
  expect(companies.length).toBeGreaterThanOrEqual(4);
  for (const c of companies) expect(isValidCvr(c.cvr), c.cvr).toBe(true);
  expect(companies.find((c) => c.name === 'Byg & Co ApS')?.currentStudents).toBe(1);

  const students = (await lone.get('/api/v1/internship/students')).json().items as { student: { id: string; name: string }; current: { kind: string; company: { name: string } | null } | null }[];
  const emil = students.find((s) => s.student.name === 'Emil Elev');
  expect(emil?.current).toMatchObject({ kind: 'practice', company: { name: 'Byg & Co ApS' } });

  const pia = await signIn(app, 'praktik@demo.example', DEMO_PASSWORD);
  const mine = (await pia.get('/api/v1/internship/students')).json().items as { student: { name: string } }[];
  expect(mine.map((s) => s.student.name)).toEqual(['Emil Elev']);
  const goals = (await pia.get(`/api/v1/internship/students/${emil?.student.id}/goals`)).json();
  expect(goals.programme.name).toBe('Tømrer');
  expect(goals.goals).toHaveLength(6);
  expect(goals.abilities).toContain('internshipStudent:setGoal');
  const plan = (await lone.get(`/api/v1/internship/students/${emil?.student.id}/placements`)).json();
  expect(plan.placements.map((p: { kind: string }) => p.kind)).toEqual(['school', 'practice', 'school']);

  const offers = (await lone.get('/api/v1/internship/offers')).json().items as { source: string }[];
  expect(new Set(offers.map((o) => o.source))).toEqual(new Set(['company', 'school']));
}, 180_000); // the whole demo school is seeded first
