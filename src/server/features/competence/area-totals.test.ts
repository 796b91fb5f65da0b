import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_DEPARTMENT, competenceAreaTotals } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { rowsOf } from '../../db/raw';
import { todayInCopenhagen } from '../../platform/time';
import { writeAssessments } from './bulk-assessments';

const { app, database } = await testApp();
const db = database.db;

type Fw = { id: string; areas: { id: string; competences: { id: string }[] }[] };
const today = todayInCopenhagen();

let school: BuiltSchool;
let deptA: string;
let deptB: string;
let admin: TestClient;
let fw: Fw;
let roundId: string;

/** The totals as stored, and as aggregated afresh from the per-person area means: they must agree. */
async function totalsAndTruth() {
  const stored = await db.select().from(competenceAreaTotals).where(and(eq(competenceAreaTotals.schoolId, school.id), eq(competenceAreaTotals.roundId, roundId)));
  const truth = rowsOf<{ dk: string; area: string; n: number; s: number }>(
    await db.execute(sql`select coalesce(department_id, ${NO_DEPARTMENT}::uuid) dk, area_id area, count(*)::int n, sum(mean)::float8 s
      from competence_area_levels where school_id = ${school.id} and round_id = ${roundId} group by 1, 2`),
  );
  const key = (d: string, a: string) => `${d}|${a}`;
  return {
    stored: Object.fromEntries(stored.map((t) => [key(t.departmentKey, t.areaId), [t.respondents, Math.round(t.sumMean * 1000) / 1000, t.levels.reduce((x, y) => x + y, 0)]])),
    truth: Object.fromEntries(truth.map((t) => [key(t.dk, t.area), [t.n, Math.round(t.s * 1000) / 1000, t.n]])),
  };
}

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge', 'Handel'] });
  [deptA, deptB] = school.departments.map((d) => d.id) as [string, string];
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
  fw = (await admin.get('/api/v1/competence/framework')).json() as Fw;
  const res = await admin.post('/api/v1/competence/rounds', { title: 'Runde', opensOn: today, closesOn: today });
  expect(res.statusCode, res.body).toBe(201);
  roundId = res.json().id;
});

describe('running totals per round × department × area', () => {
  it('follow submissions, resubmissions, a failed basic check and a move to another department', async () => {
    const staff = await Promise.all(Array.from({ length: 6 }, (_, i) => buildPerson(db, school, { roles: ['teacher'], departmentId: i < 3 ? deptA : deptB, account: false })));
    await writeAssessments(db, school.id, roundId, fw.id, staff, (p) => p + 1);
    let t = await totalsAndTruth();
    expect(t.stored).toEqual(t.truth);
    const area0 = fw.areas[0]?.id ?? '';
    expect(t.stored[`${deptA}|${area0}`]).toEqual([3, 6, 3]); // levels 1 + 2 + 3

    // a teacher with an account submits through the API in department A …
    const mover = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA });
    const client = await signIn(app, mover.email);
    const answers = fw.areas.flatMap((a) => a.competences.map((c) => ({ competenceId: c.id, level: 5 })));
    let res = await client.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true, true, true, true, true], answers, submit: true });
    expect(res.statusCode, res.body).toBe(200);
    t = await totalsAndTruth();
    expect(t.stored).toEqual(t.truth);
    expect(t.stored[`${deptA}|${area0}`]).toEqual([4, 11, 4]);

    // … fails the basic check on a second look: level 0 is a flag on the person, the answers still count as given …
    res = await client.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true, true, false, false, false] });
    expect(res.statusCode, res.body).toBe(200);
    t = await totalsAndTruth();
    expect(t.stored).toEqual(t.truth);
    expect(t.stored[`${deptA}|${area0}`]).toEqual([4, 11, 4]);
    const [a0] = await db.select().from(competenceAreaTotals).where(and(eq(competenceAreaTotals.schoolId, school.id), eq(competenceAreaTotals.roundId, roundId), eq(competenceAreaTotals.departmentKey, deptA), eq(competenceAreaTotals.areaId, area0)));
    expect(a0?.levels[0]).toBe(0);
    expect(a0?.levels[5]).toBe(1);

    // … moves to department B and submits again: A loses the person, B gains them
    res = await admin.patch(`/api/v1/people/${mover.id}`, { departmentId: deptB });
    expect(res.statusCode, res.body).toBe(200);
    res = await client.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true, true, true, true, true], submit: true });
    expect(res.statusCode, res.body).toBe(200);
    t = await totalsAndTruth();
    expect(t.stored).toEqual(t.truth);
    expect(t.stored[`${deptA}|${area0}`]).toEqual([3, 6, 3]);
    expect(t.stored[`${deptB}|${area0}`]).toEqual([4, 20, 4]); // 4 + 5 + 6 + 5
  });

  it('count staff without a department under their own key and show them in the school total', async () => {
    const loose = await Promise.all(Array.from({ length: 5 }, () => buildPerson(db, school, { roles: ['teacher'], departmentId: null, account: false })));
    await writeAssessments(db, school.id, roundId, fw.id, loose, () => 2);
    const t = await totalsAndTruth();
    expect(t.stored).toEqual(t.truth);
    expect(t.stored[`${NO_DEPARTMENT}|${fw.areas[0]?.id}`]).toEqual([5, 10, 5]);
    // While the round is open its figures move in steps; once closed they are read live.
    expect((await admin.patch(`/api/v1/competence/rounds/${roundId}`, { closed: true })).statusCode).toBe(200);
    const heat = (await admin.get(`/api/v1/competence/heatmap?roundId=${roundId}`)).json();
    expect(heat.current.school.count).toBe(5 + 3 + 4);
  });
});
