import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { surveyDrafts, surveyParticipation, surveyRespondentTotals } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';

/** Min side's "Besvar selvevalueringen", and a person's survey data in the export and the erasure. */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let school: BuiltSchool;
let consultant: TestClient;
let admin: TestClient;
let teacher: BuiltPerson;
let client: TestClient;
let answered: string;
let drafted: string;
type HomeItem = { kind: string; title: string; progress: { done: number; total: number } | null; path: string };
const surveyItems = async (c: TestClient) => ((await c.get('/api/v1/home')).json().items as HomeItem[]).filter((i) => i.kind === 'surveys.round');

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Byg'] });
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  teacher = await buildPerson(db, school, { roles: ['teacher'] });
  client = await signIn(app, teacher.email);
  const round = (name: string) => consultant.post('/api/v1/surveys/rounds', { name, opensOn: today, closesOn: addDays(today, 5), groups: ['teacher'] });
  answered = (await round('Besvaret')).json().id;
  drafted = (await round('Påbegyndt')).json().id;
  await consultant.post('/api/v1/surveys/rounds', { name: 'Kun elever', opensOn: today, closesOn: addDays(today, 5), groups: ['student'] });
});

describe('Min side', () => {
  it('asks the person to answer the open rounds that ask them, with how far they got; gone once sent', async () => {
    const sheet = (await client.get(`/api/v1/surveys/rounds/${drafted}/sheet`)).json() as { areas: { items: { key: string }[] }[] };
    const keys = sheet.areas.flatMap((a) => a.items.map((i) => i.key));
    await client.put(`/api/v1/surveys/rounds/${drafted}/draft`, { answers: { [keys[0] ?? '']: 3, [keys[1] ?? '']: 4 } });
    const before = await surveyItems(client);
    expect(before.map((i) => i.title).sort()).toEqual(['Besvaret', 'Påbegyndt']);
    expect(before.find((i) => i.title === 'Påbegyndt')).toMatchObject({ progress: { done: 2, total: keys.length }, path: `/selvevaluering/besvar/${drafted}` });
    expect((await client.post(`/api/v1/surveys/rounds/${answered}/submit`, { answers: { [keys[0] ?? '']: 5 } })).statusCode).toBe(201);
    expect((await surveyItems(client)).map((i) => i.title)).toEqual(['Påbegyndt']);
  });
});

describe("a person's survey data", () => {
  it('the export shows which rounds they answered and their unsent draft; the erasure deletes both and leaves the counts', async () => {
    const data = (await admin.get(`/api/v1/people/${teacher.id}/data`)).json();
    const mine = data.modules.surveys;
    expect(mine.surveysAnswered.map((r: { round: string }) => r.round)).toEqual(['Besvaret']);
    expect(mine.surveyDrafts).toEqual([expect.objectContaining({ round: 'Påbegyndt', answers: expect.arrayContaining([expect.objectContaining({ answer: 3 })]) })]);
    const erased = await admin.post(`/api/v1/people/${teacher.id}/erase`, { confirm: teacher.name });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await db.select().from(surveyParticipation).where(eq(surveyParticipation.personId, teacher.id))).toEqual([]);
    expect(await db.select().from(surveyDrafts).where(eq(surveyDrafts.ownerKey, `person:${teacher.id}`))).toEqual([]);
    const totals = await db.select().from(surveyRespondentTotals).where(eq(surveyRespondentTotals.roundId, answered));
    expect(totals.reduce((s, t) => s + t.respondents, 0)).toBe(1);
  });
});
