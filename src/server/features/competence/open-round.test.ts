import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { todayInCopenhagen } from '../../platform/time';
import { writeAssessments } from './bulk-assessments';

/** Results of an open round move only in steps of 5 people per department, or not until the close (docs/ANONYMITY.md, "Over time"). */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Fw = { id: string; areas: { id: string; competences: { id: string }[] }[] };
let school: BuiltSchool;
let dept: string;
let admin: TestClient;
let director: TestClient;
let fw: Fw;
let staff: BuiltPerson[];

const heat = async (roundId: string) => (await director.get(`/api/v1/competence/heatmap?roundId=${roundId}`)).json().current;
const newRound = async (title: string) => (await admin.post('/api/v1/competence/rounds', { title, opensOn: addDays(today, -3), closesOn: addDays(today, 10) })).json().id as string;
const levels = (p: number, c: number) => (p + c) % 5;

/** Submits through the API, as the named colleague would. */
async function submitAsPerson(person: BuiltPerson, roundId: string, level: number) {
  const client = await signIn(app, person.email);
  const answers = fw.areas.flatMap((a) => a.competences).map((c) => ({ competenceId: c.id, level }));
  const res = await client.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true, true, true, true, true], answers, submit: true });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Byg'] });
  dept = school.departments[0]?.id ?? '';
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin', 'teacher'], departmentId: dept })).email);
  director = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  fw = (await admin.get('/api/v1/competence/framework')).json() as Fw;
  staff = await Promise.all(Array.from({ length: 16 }, () => buildPerson(db, school, { roles: ['teacher'], departmentId: dept })));
});

describe('an open round', () => {
  it('shows nothing before 5 have answered, and then changes only when 5 more have', async () => {
    const roundId = await newRound('Trin');
    await writeAssessments(db, school.id, roundId, fw.id, staff.slice(0, 4), levels);
    expect((await heat(roundId)).school.suppressed).toBe(true);
    await writeAssessments(db, school.id, roundId, fw.id, staff.slice(4, 5), levels);
    const five = await heat(roundId);
    expect(five.school.count).toBe(5);
    expect(five.inSteps).toBe(true);

    // One named colleague submits: reading before and after shows no difference at all.
    await submitAsPerson(staff[5] as BuiltPerson, roundId, 6);
    expect(await heat(roundId)).toEqual(five);
    await writeAssessments(db, school.id, roundId, fw.id, staff.slice(6, 9), levels);
    expect(await heat(roundId)).toEqual(five);
    // The fifth change since the last step moves the figures, by five people at once.
    await writeAssessments(db, school.id, roundId, fw.id, staff.slice(9, 10), levels);
    const ten = await heat(roundId);
    expect(ten.school.count).toBe(10);
    expect(ten.school.cells).not.toEqual(five.school.cells);

    // Closed, the round is read as it is.
    await writeAssessments(db, school.id, roundId, fw.id, staff.slice(10, 11), levels);
    expect((await heat(roundId)).school.count).toBe(10);
    expect((await admin.patch(`/api/v1/competence/rounds/${roundId}`, { closed: true })).statusCode).toBe(200);
    const closed = await heat(roundId);
    expect(closed.school.count).toBe(11);
    expect(closed.inSteps).toBe(false);
  });

  it('does not time an answer to the minute in the audit log', async () => {
    const roundId = await newRound('Log');
    await submitAsPerson(staff[12] as BuiltPerson, roundId, 3);
    const log = (await admin.get('/api/v1/audit?action=competence.assessment_submitted')).json();
    const mine = log.items.filter((e: { summary: string }) => e.summary === 'Log');
    expect(mine).toHaveLength(1);
    const at = new Date(mine[0].at);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
    expect(local).toBe('00:00:00');
  });

  it('with the setting "after the close", shows nothing until the round closes; reopened, it moves in steps from there', async () => {
    expect((await admin.patch('/api/v1/competence/settings', { openRoundResults: 'after_close' })).json().openRoundResults).toBe('after_close');
    const roundId = await newRound('Efter lukning');
    await writeAssessments(db, school.id, roundId, fw.id, staff.slice(0, 7), levels);
    expect((await heat(roundId)).school.suppressed).toBe(true);
    expect((await admin.patch(`/api/v1/competence/rounds/${roundId}`, { closed: true })).statusCode).toBe(200);
    expect((await heat(roundId)).school.count).toBe(7);
    expect((await admin.patch('/api/v1/competence/settings', { openRoundResults: 'steps' })).statusCode).toBe(200);

    // A round closed by its date and opened again by a later closing date shows what readers saw at the close.
    const dated = (await admin.post('/api/v1/competence/rounds', { title: 'Forlænget', opensOn: addDays(today, -9), closesOn: addDays(today, 5) })).json().id as string;
    await writeAssessments(db, school.id, dated, fw.id, staff.slice(0, 6), levels);
    await writeAssessments(db, school.id, dated, fw.id, staff.slice(6, 8), levels);
    expect((await heat(dated)).school.count).toBe(6);
    expect((await admin.patch(`/api/v1/competence/rounds/${dated}`, { closesOn: addDays(today, -1) })).statusCode).toBe(200);
    expect((await heat(dated)).school.count).toBe(8);
    expect((await admin.patch(`/api/v1/competence/rounds/${dated}`, { closesOn: addDays(today, 5) })).statusCode).toBe(200);
    expect((await heat(dated)).school.count).toBe(8);
    await writeAssessments(db, school.id, dated, fw.id, staff.slice(8, 9), levels);
    expect((await heat(dated)).school.count).toBe(8);
  });
});
