import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarItems, competenceContracts } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { todayInCopenhagen } from '../../platform/time';

/* Development contracts (udviklingskontrakter) between a department head and his staff, and their follow-ups in the årshjul. */
const { app, database } = await testApp();
const db = database.db;

type Fw = { id: string; areas: { id: string; competences: { id: string }[] }[] };
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInCopenhagen();

let school: BuiltSchool;
let deptA: string;
let deptB: string;
let head: BuiltPerson;
let headClient: TestClient;
let teacher: BuiltPerson;
let teacherClient: TestClient;
let fw: Fw;

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor'] });
  [deptA, deptB] = school.departments.map((d) => d.id) as [string, string];
  head = await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA });
  headClient = await signIn(app, head.email);
  teacher = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA, name: 'Lone Lærer' });
  teacherClient = await signIn(app, teacher.email);
  fw = (await teacherClient.get('/api/v1/competence/framework')).json();
});

describe('development contracts', () => {
  it('the department head drafts, both acknowledge, a change asks again, history is kept', async () => {
    const comp = fw.areas[1]?.competences[0]?.id ?? '';
    const body = { personId: teacher.id, content: { goals: [{ competenceId: comp, targetLevel: 4, note: 'Bruge video' }], activities: [{ kind: 'sidemandsoplaering', description: 'Med Anders' }], followUps: [addDays(today, 60)] } };
    const res = await headClient.post('/api/v1/competence/contracts', body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await teacherClient.post(`/api/v1/competence/contracts/${id}/acknowledge`)).json().status).toBe('draft');
    const agreed = (await headClient.post(`/api/v1/competence/contracts/${id}/acknowledge`)).json();
    expect(agreed.status).toBe('agreed');
    expect(agreed.employeeAckAt).not.toBeNull();
    const changed = (await headClient.patch(`/api/v1/competence/contracts/${id}`, { content: { ...body.content, goals: [{ competenceId: comp, targetLevel: 5, note: '' }] } })).json();
    expect(changed).toMatchObject({ status: 'draft', version: 2, employeeAckAt: null, leaderAckAt: null });
    expect(changed.history.map((h: { action: string }) => h.action)).toEqual(['changed', 'acknowledged_by_leader', 'acknowledged_by_employee', 'created']);
    expect((await teacherClient.patch(`/api/v1/competence/contracts/${id}`, { status: 'cancelled' })).statusCode).toBe(403);
    expect((await teacherClient.get('/api/v1/competence/contracts')).json()[0].role).toBe('employee');
  });

  it('refuses contracts with staff of another department, with oneself, or with unknown goals; nothing written', async () => {
    const [before] = await db.select({ n: count() }).from(competenceContracts).where(eq(competenceContracts.schoolId, school.id));
    const other = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptB });
    const goal = { competenceId: fw.areas[0]?.competences[0]?.id ?? '', targetLevel: 3, note: '' };
    expect((await headClient.post('/api/v1/competence/contracts', { personId: other.id, content: { goals: [goal] } })).statusCode).toBe(403);
    expect((await headClient.post('/api/v1/competence/contracts', { personId: head.id, content: { goals: [goal] } })).statusCode).toBe(403);
    expect((await teacherClient.post('/api/v1/competence/contracts', { personId: teacher.id, content: { goals: [goal] } })).statusCode).toBe(403);
    const bad = await headClient.post('/api/v1/competence/contracts', { personId: teacher.id, content: { goals: [{ ...goal, competenceId: 'x' }] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('content.goals.0.competenceId');
    expect((await headClient.post('/api/v1/competence/contracts', { personId: teacher.id, content: { goals: [{ ...goal, targetLevel: 9 }] } })).statusCode).toBe(422);
    const [after] = await db.select({ n: count() }).from(competenceContracts).where(eq(competenceContracts.schoolId, school.id));
    expect(after?.n).toBe(before?.n);
  });
});

describe('contract follow-ups in the årshjul', () => {
  const window = (d: string) => `from=${addDays(d, -1)}&to=${addDays(d, 1)}`;
  const followUpsOn = async (c: TestClient, d: string, extra = '') => {
    const res = await c.get(`/api/v1/calendar?${window(d)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { source: string; title: string; departmentId: string | null; startsOn: string }[]).filter((i) => i.source === 'competence' && i.startsOn === d);
  };

  it('creates, moves and cancels a neutral item in the same change, visible to staff of the school for the department', async () => {
    const first = addDays(today, 40);
    const moved = addDays(today, 45);
    const comp = fw.areas[0]?.competences[1]?.id ?? '';
    const content = { goals: [{ competenceId: comp, targetLevel: 5, note: 'Hemmeligt mål' }], followUps: [first] };
    const res = await headClient.post('/api/v1/competence/contracts', { personId: teacher.id, content });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;

    const seen = await followUpsOn(teacherClient, first);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ title: 'Opfølgning på udviklingskontrakt', departmentId: deptA });
    expect(`${seen[0]?.title} ${(seen[0] as { description?: string | null }).description ?? ''}`).not.toMatch(/Lone|Hemmeligt|[0-6]/);
    const colleagueB = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: deptB })).email);
    expect(await followUpsOn(colleagueB, first)).toHaveLength(1);
    expect(await followUpsOn(colleagueB, first, `&departmentId=${deptB}`)).toHaveLength(0);
    expect(await followUpsOn(headClient, first, `&departmentId=${deptA}`)).toHaveLength(1);
    const student = await signIn(app, (await buildPerson(db, school, { roles: ['student'], departmentId: deptA })).email);
    expect((await student.get(`/api/v1/calendar?${window(first)}`)).statusCode).toBe(403);
    const otherSchool = await buildSchool(db, { departments: ['X'] });
    const outsider = await signIn(app, (await buildPerson(db, otherSchool, { roles: ['teacher'], departmentId: otherSchool.departments[0]?.id ?? null })).email);
    expect(await followUpsOn(outsider, first)).toHaveLength(0);

    const movedRes = await headClient.patch(`/api/v1/competence/contracts/${id}`, { content: { ...content, followUps: [moved] } });
    expect(movedRes.statusCode, movedRes.body).toBe(200);
    expect(await followUpsOn(teacherClient, first)).toHaveLength(0);
    expect(await followUpsOn(teacherClient, moved)).toHaveLength(1);
    const rows = await db.select().from(calendarItems).where(and(eq(calendarItems.schoolId, school.id), eq(calendarItems.source, 'competence')));
    expect(rows.find((r) => r.startsOn === first)?.status).toBe('cancelled');

    expect((await headClient.patch(`/api/v1/competence/contracts/${id}`, { content: { ...content, followUps: [] } })).statusCode).toBe(200);
    expect(await followUpsOn(teacherClient, moved)).toHaveLength(0);

    expect((await headClient.patch(`/api/v1/competence/contracts/${id}`, { content: { ...content, followUps: [moved] } })).statusCode).toBe(200);
    expect(await followUpsOn(teacherClient, moved)).toHaveLength(1);
    expect((await headClient.patch(`/api/v1/competence/contracts/${id}`, { status: 'cancelled' })).statusCode).toBe(200);
    expect(await followUpsOn(teacherClient, moved)).toHaveLength(0);
  });

  it('writes no item when the contract is refused', async () => {
    const d = addDays(today, 50);
    const bad = await headClient.post('/api/v1/competence/contracts', { personId: teacher.id, content: { goals: [{ competenceId: 'nope', targetLevel: 3, note: '' }], followUps: [d] } });
    expect(bad.statusCode).toBe(422);
    const rows = await db.select().from(calendarItems).where(and(eq(calendarItems.schoolId, school.id), eq(calendarItems.startsOn, d)));
    expect(rows).toHaveLength(0);
  });
});
