import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { todayInCopenhagen } from '../../platform/time';
import { writeAssessments } from './bulk-assessments';

/** The competence figures leaders and the network read, through the anonymity module (docs/ANONYMITY.md). */
const { app, database } = await testApp();
const db = database.db;

type Fw = { id: string; areas: { id: string; competences: { id: string }[] }[] };
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInCopenhagen();

describe('anonymity of the heatmap', () => {
  let s: BuiltSchool;
  let director: TestClient;
  let leader: TestClient;
  let roundId: string;
  let prevId: string;
  let d1: string;
  let d2: string;
  let d3: string;
  beforeAll(async () => {
    s = await buildSchool(db, { departments: ['A-afdeling', 'B-afdeling', 'C-afdeling'] });
    [d1, d2, d3] = s.departments.map((d) => d.id) as [string, string, string];
    const adm = await signIn(app, (await buildPerson(db, s, { roles: ['school_admin'], departmentId: null })).email);
    director = await signIn(app, (await buildPerson(db, s, { roles: ['top_management'], departmentId: null })).email);
    leader = await signIn(app, (await buildPerson(db, s, { roles: ['department_head'], departmentId: d1 })).email);
    const f = (await adm.get('/api/v1/competence/framework')).json() as Fw;
    // Both rounds are closed, so they are read live (open rounds move in steps: see the next describe).
    prevId = (await adm.post('/api/v1/competence/rounds', { title: 'Forår', opensOn: addDays(today, -200), closesOn: addDays(today, -170) })).json().id;
    roundId = (await adm.post('/api/v1/competence/rounds', { title: 'Efterår', opensOn: addDays(today, -30), closesOn: addDays(today, -1) })).json().id;
    const mk = (n: number, dep: string) => Promise.all(Array.from({ length: n }, () => buildPerson(db, s, { roles: ['teacher'], departmentId: dep, account: false })));
    const a5 = await mk(5, d1);
    const b6 = await mk(6, d2);
    const c4 = await mk(4, d3);
    await writeAssessments(db, s.id, roundId, f.id, [...a5, ...b6, ...c4], (p) => (p < 5 ? 2 : p < 8 ? 3 : p < 11 ? 5 : 6), (p) => p !== 0);
    await writeAssessments(db, s.id, prevId, f.id, [...a5, ...b6], (p) => (p < 3 ? 1 : p < 5 ? 2 : p < 8 ? 3 : 4));
  });

  it('shows 5 persons, hides 4, and hides the next-smallest group too (complementary suppression)', async () => {
    const res = (await director.get(`/api/v1/competence/heatmap?roundId=${roundId}`)).json();
    const row = (id: string) => res.current.departments.find((r: { departmentId: string }) => r.departmentId === id);
    expect(row(d3).suppressed).toBe(true);
    expect(row(d3).count).toBeNull();
    expect(row(d3).cells[0].mean).toBeNull();
    // with C (4) hidden, A (5) as the smallest shown group would reveal C through the total: hidden too
    expect(row(d1).suppressed).toBe(true);
    expect(row(d2).suppressed).toBe(false);
    expect(row(d2).count).toBe(6);
    expect(row(d2).cells[0].mean).toBe(4);
    // distributions are ranges holding no one or at least 5, the same ranges in every row
    for (const r of [row(d2), res.current.school]) for (const range of r.cells[0].distribution) expect(range.count === 0 || range.count >= 5).toBe(true);
    expect(row(d2).cells[0].distribution.map((x: { from: number }) => x.from)).toEqual(res.current.school.cells[0].distribution.map((x: { from: number }) => x.from));
    expect(res.current.school.count).toBe(15);
    // the previous round: A 5 and B 6 are both shown, and the change can be computed
    expect(res.compare.id).toBe(prevId);
    const prevA = res.previous.departments.find((r: { departmentId: string }) => r.departmentId === d1);
    expect(prevA.suppressed).toBe(false);
    expect(prevA.count).toBe(5);
    expect(prevA.cells[0].mean).toBe(1.4);
  });

  it('a level-0 person counts with the levels they answered, not as 0 (level 0 is a flag on the person, not a change of the answers)', async () => {
    const now = (await director.get(`/api/v1/competence/heatmap?roundId=${roundId}`)).json();
    // school: 5×2 (one of them at level 0, answered 2) + 3×3 + 3×5 + 4×6 = 58 / 15
    expect(now.current.school.cells[0].mean).toBe(3.9);
  });

  it('the department filter keeps the threshold: 4 persons are never shown', async () => {
    const c = (await leader.get(`/api/v1/competence/heatmap?roundId=${roundId}&departmentId=${d3}`)).json();
    expect(c.current.departments).toHaveLength(1);
    expect(c.current.departments[0].suppressed).toBe(true);
  });

  it('the levels of a department where everyone is at the same level are hidden, with a complement', async () => {
    const alike = await buildSchool(db, { departments: ['Ens', 'Blandet', 'Anden'] });
    const [e, m, o] = alike.departments.map((d) => d.id) as [string, string, string];
    const dir = await signIn(app, (await buildPerson(db, alike, { roles: ['top_management'], departmentId: null })).email);
    const f = (await dir.get('/api/v1/competence/framework')).json() as Fw;
    const r = (await dir.post('/api/v1/competence/rounds', { title: 'R', opensOn: addDays(today, -9), closesOn: addDays(today, -1) })).json().id;
    const mk = (n: number, dep: string) => Promise.all(Array.from({ length: n }, () => buildPerson(db, alike, { roles: ['teacher'], departmentId: dep, account: false })));
    await writeAssessments(db, alike.id, r, f.id, [...(await mk(6, e)), ...(await mk(6, m)), ...(await mk(7, o))], (p) => (p < 6 ? 3 : p % 3));
    const res = (await dir.get(`/api/v1/competence/heatmap?roundId=${r}`)).json();
    const row = (id: string) => res.current.departments.find((x: { departmentId: string }) => x.departmentId === id);
    // Counts of 5 or more are shown; the levels of the department where all are alike are not, nor
    // those of the next-smallest department, from which the total would give them back.
    expect(row(e).count).toBe(6);
    expect(row(e).cells.every((c: { mean: number | null }) => c.mean === null)).toBe(true);
    expect(row(m).cells.every((c: { mean: number | null }) => c.mean === null)).toBe(true);
    expect(row(o).cells.every((c: { mean: number | null }) => c.mean !== null)).toBe(true);
    expect(res.current.school.cells.every((c: { mean: number | null }) => c.mean !== null)).toBe(true);
  });

  it('a school with only 4 respondents shows nothing at all', async () => {
    const small = await buildSchool(db, { departments: ['Eneste'] });
    const d = small.departments[0]?.id ?? '';
    const dir = await signIn(app, (await buildPerson(db, small, { roles: ['top_management'], departmentId: null })).email);
    const f = (await dir.get('/api/v1/competence/framework')).json() as Fw;
    const r = (await dir.post('/api/v1/competence/rounds', { title: 'R', opensOn: today, closesOn: today })).json().id;
    const four = await Promise.all(Array.from({ length: 4 }, () => buildPerson(db, small, { roles: ['teacher'], departmentId: d, account: false })));
    await writeAssessments(db, small.id, r, f.id, four, (p) => 2 + (p % 2));
    let res = (await dir.get(`/api/v1/competence/heatmap?roundId=${r}`)).json();
    expect(res.current.school.suppressed).toBe(true);
    expect(res.current.departments.every((x: { suppressed: boolean }) => x.suppressed)).toBe(true);
    const fifth = await buildPerson(db, small, { roles: ['teacher'], departmentId: d, account: false });
    await writeAssessments(db, small.id, r, f.id, [fifth], () => 5);
    res = (await dir.get(`/api/v1/competence/heatmap?roundId=${r}`)).json();
    expect(res.current.school.count).toBe(5);
    expect(res.current.departments[0].suppressed).toBe(false);
    const completion = (await dir.get(`/api/v1/competence/rounds/${r}/completion`)).json();
    // the director (no department) is invited too: that group of 1 is hidden, and so is the department it could be derived from
    expect(completion).toMatchObject({ invited: 6, submitted: 5 });
    expect(completion.departments.find((x: { departmentId: string | null }) => x.departmentId === d)).toMatchObject({ suppressed: true, invited: null });
  });

  it('a teacher sees no heatmap (403)', async () => {
    const teacherClient = await signIn(app, (await buildPerson(db, s, { roles: ['teacher'], departmentId: d1 })).email);
    expect((await teacherClient.get('/api/v1/competence/heatmap')).statusCode).toBe(403);
  });
});

describe('the national view', () => {
  it('the network coordinator sees schools × areas from 5 persons, a school of 4 hidden with its complement; school staff get 403', async () => {
    const { buildCoordinator } = await import('../../test/factories');
    const network = `Landsnetværk ${Date.now()}`;
    const sizes = [7, 6, 4];
    const schools: BuiltSchool[] = [];
    for (const n of sizes) {
      const s = await buildSchool(db, { network, departments: ['Eneste'] });
      const adm = await signIn(app, (await buildPerson(db, s, { roles: ['school_admin'], departmentId: null })).email);
      const f = (await adm.get('/api/v1/competence/framework')).json() as Fw;
      const r = (await adm.post('/api/v1/competence/rounds', { title: 'R', opensOn: addDays(today, -9), closesOn: addDays(today, -1) })).json().id;
      const staff = await Promise.all(Array.from({ length: n }, () => buildPerson(db, s, { roles: ['teacher'], departmentId: s.departments[0]?.id ?? null, account: false })));
      await writeAssessments(db, s.id, r, f.id, staff, (p, c) => (p + c) % 7);
      schools.push(s);
    }
    const coordinator = await buildCoordinator(db, schools[0]?.networkId ?? '');
    const c = await signIn(app, coordinator.email);
    const res = await c.get('/api/v1/competence/national');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.areas.map((a: { code: string }) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const row = (i: number) => body.schools.find((x: { schoolId: string }) => x.schoolId === schools[i]?.id);
    // the school of 4 is hidden, and the school of 6 with it: the network total minus the 7 would give it back
    expect(row(2)).toMatchObject({ suppressed: true, count: null });
    expect(row(1)).toMatchObject({ suppressed: true, count: null });
    expect(row(0)).toMatchObject({ suppressed: false, count: 7 });
    expect(row(2).means.every((m: number | null) => m === null)).toBe(true);
    const schoolAdmin = await signIn(app, (await buildPerson(db, schools[0] as BuiltSchool, { roles: ['school_admin'], departmentId: null })).email);
    expect((await schoolAdmin.get('/api/v1/competence/national')).statusCode).toBe(403);
  });
});

