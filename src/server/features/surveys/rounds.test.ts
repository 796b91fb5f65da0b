import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarItems, surveyDrafts, surveyQuestionnaires } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';
import { closeDueRounds } from './jobs';
import { DEFAULT_ITEMS } from './questionnaire-data';

/** The questionnaire's settings and versions, and rounds from creation to the close (docs/surveys.md). */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let school: BuiltSchool;
let consultant: TestClient;
let teacher: TestClient;
const optionalKey = DEFAULT_ITEMS.find((i) => i.optional)?.key ?? '';
const coreKey = DEFAULT_ITEMS.find((i) => !i.optional)?.key ?? '';
const round = (over: Record<string, unknown> = {}) => ({ name: 'Selvevaluering efterår', opensOn: addDays(today, -1), closesOn: addDays(today, 14), groups: ['leader', 'teacher', 'student', 'supervisor'], ...over });
const fields = (res: { json(): unknown }) => ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Byg', 'Handel'] });
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: school.departments[0]?.id ?? null })).email);
});

describe('questionnaire settings', () => {
  it('switches optional items off, never core items', async () => {
    const ok = await consultant.patch('/api/v1/surveys/settings', { disabledItemKeys: [optionalKey], liveResults: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ disabledItemKeys: [optionalKey], liveResults: true });
    const bad = await consultant.patch('/api/v1/surveys/settings', { disabledItemKeys: [optionalKey, coreKey] });
    expect(bad.statusCode).toBe(422);
    expect(fields(bad)).toEqual(['disabledItemKeys.1']);
    await consultant.patch('/api/v1/surveys/settings', { liveResults: false });
  });

  it('keeps at most 10 own items: the eleventh is named, nothing is written', async () => {
    const item = (n: number) => ({ area: 'videndeling', groups: ['teacher'], text: { da: `Eget udsagn ${n}`, en: '' } });
    const eleven = await consultant.put('/api/v1/surveys/own-items', { items: Array.from({ length: 11 }, (_, i) => item(i)) });
    expect(eleven.statusCode).toBe(422);
    expect(fields(eleven)).toEqual(['items.10']);
    expect((await consultant.get('/api/v1/surveys/settings')).json().ownItems).toEqual([]);
    const area = await consultant.put('/api/v1/surveys/own-items', { items: [{ ...item(1), area: 'ukendt' }] });
    expect(fields(area)).toEqual(['items.0.area']);
    const ten = await consultant.put('/api/v1/surveys/own-items', { items: Array.from({ length: 10 }, (_, i) => item(i)) });
    expect(ten.statusCode, ten.body).toBe(200);
    expect(ten.json().ownItems).toHaveLength(10);
    // Keep two (the others are archived) and change one's wording.
    const [a, b] = ten.json().ownItems as { key: string }[];
    const two = await consultant.put('/api/v1/surveys/own-items', { items: [{ key: a?.key, ...item(1) }, { key: b?.key, ...item(2), text: { da: 'Ny ordlyd', en: 'New wording' } }] });
    expect(two.json().ownItems.map((o: { text: { da: string } }) => o.text.da)).toEqual(['Eget udsagn 1', 'Ny ordlyd']);
  });

  it('is for those who run rounds only', async () => {
    expect((await teacher.get('/api/v1/surveys/settings')).statusCode).toBe(403);
  });
});

describe('rounds', () => {
  it('freezes the questionnaire as a version and reuses it while unchanged', async () => {
    const first = await consultant.post('/api/v1/surveys/rounds', round());
    expect(first.statusCode, first.body).toBe(201);
    const second = await consultant.post('/api/v1/surveys/rounds', round({ name: 'Anden' }));
    expect(second.json().questionnaireVersion).toBe(first.json().questionnaireVersion);
    const [q] = await db.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.schoolId, school.id));
    expect(q?.items.some((i) => i.key === optionalKey)).toBe(false);
    expect(q?.items.filter((i) => i.own)).toHaveLength(2);
    await consultant.put('/api/v1/surveys/own-items', { items: [] });
    const third = await consultant.post('/api/v1/surveys/rounds', round({ name: 'Tredje' }));
    expect(third.json().questionnaireVersion).toBe(first.json().questionnaireVersion + 1);
    // The årshjul has the round's opening and closing days.
    const items = await db.select().from(calendarItems).where(and(eq(calendarItems.schoolId, school.id), eq(calendarItems.source, 'surveys')));
    expect(items.filter((i) => i.sourceRef.startsWith(first.json().id)).map((i) => i.startsOn).sort()).toEqual([round().opensOn, round().closesOn].sort());
  });

  it('refuses a round with no group, closing before it opens, an unknown department (422 naming the field)', async () => {
    const none = await consultant.post('/api/v1/surveys/rounds', round({ groups: [] }));
    expect(none.statusCode).toBe(422);
    expect(fields(none)).toEqual(['groups']);
    expect(fields(await consultant.post('/api/v1/surveys/rounds', round({ closesOn: addDays(today, -5) })))).toEqual(['closesOn']);
    expect(fields(await consultant.post('/api/v1/surveys/rounds', round({ departmentIds: ['00000000-0000-4000-8000-000000000001'] })))).toEqual(['departmentIds.0']);
  });

  it('changes groups and departments only before it opens', async () => {
    const planned = (await consultant.post('/api/v1/surveys/rounds', round({ opensOn: addDays(today, 3) }))).json();
    expect(planned.status).toBe('planned');
    const edit = await consultant.patch(`/api/v1/surveys/rounds/${planned.id}`, { groups: ['teacher'], departmentIds: [school.departments[0]?.id] });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ groups: ['teacher'], departmentIds: [school.departments[0]?.id] });
    const open = (await consultant.post('/api/v1/surveys/rounds', round())).json();
    const late = await consultant.patch(`/api/v1/surveys/rounds/${open.id}`, { groups: ['teacher'] });
    expect(late.statusCode).toBe(422);
    expect(fields(late)).toEqual(['groups']);
    expect((await consultant.patch(`/api/v1/surveys/rounds/${open.id}`, { name: 'Nyt navn', closesOn: addDays(today, 20) })).statusCode).toBe(200);
  });

  it('closes by hand (drafts deleted, answers refused afterwards) and by the job after the closing day', async () => {
    const open = (await consultant.post('/api/v1/surveys/rounds', round())).json();
    expect((await teacher.put(`/api/v1/surveys/rounds/${open.id}/draft`, { answers: { [coreKey]: 4 } })).statusCode).toBe(200);
    const closed = await consultant.post(`/api/v1/surveys/rounds/${open.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(await db.select().from(surveyDrafts).where(eq(surveyDrafts.roundId, open.id))).toEqual([]);
    const after = await teacher.post(`/api/v1/surveys/rounds/${open.id}/submit`, { answers: { [coreKey]: 4 } });
    expect(after.statusCode).toBe(409);
    expect(fields(after)).toEqual(['roundId']);
    expect((await consultant.post(`/api/v1/surveys/rounds/${open.id}/close`)).statusCode).toBe(409);

    const ending = (await consultant.post('/api/v1/surveys/rounds', round({ opensOn: addDays(today, -10), closesOn: addDays(today, -1) }))).json();
    expect(await closeDueRounds(db)).toBeGreaterThanOrEqual(1);
    const list = (await consultant.get('/api/v1/surveys/rounds')).json() as { id: string; closedAt: string | null }[];
    expect(list.find((r) => r.id === ending.id)?.closedAt).not.toBeNull();
  });
});
