import { beforeAll, describe, expect, it } from 'vitest';
import type { THome } from '../../../shared/api/home';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';
import { addDays } from '../home/api';

/** Min side asks the audience of an open asynchronous dialogue for their view until they have given it on every pair. */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let consultant: TestClient;
let leader: TestClient;
let teacher: TestClient;

const home = async (c: TestClient) => {
  const res = await c.get('/api/v1/home');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as THome).items.filter((i) => i.kind === 'dialogue.session');
};

beforeAll(async () => {
  const school = await buildSchool(db, { departments: ['Byg'] });
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  leader = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'] })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: school.departments[0]?.id ?? null })).email);
});

describe('dialogue on Min side', () => {
  it('lists an open asynchronous dialogue for its audience with their progress, until every pair has both answers', async () => {
    const created = await consultant.post('/api/v1/dialogue/sessions', {
      title: 'Ledelsens bud',
      mode: 'async',
      items: [{ pairKey: 'undervisning-laering' }, { pairKey: 'kultur-strategi' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(await home(leader)).toHaveLength(0);

    const opened = await consultant.post(`/api/v1/dialogue/sessions/${id}/open`, {
      audience: { roles: ['top_management'] },
      opensOn: today,
      closesOn: addDays(today, 1),
      resultsMode: 'after_close',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const items = opened.json().items.map((i: { id: string }) => i.id) as string[];

    const [asked] = await home(leader);
    expect(asked).toMatchObject({ title: 'Ledelsens bud', path: `/dialog/${id}/svar`, progress: { done: 0, total: 2 }, dueOn: addDays(today, 1), urgency: 'soon' });
    expect(await home(teacher)).toHaveLength(0);

    const one = await leader.put(`/api/v1/dialogue/sessions/${id}/my-answers`, { answers: [{ itemId: items[0], now: 30, wanted: 70 }] });
    expect(one.statusCode, one.body).toBe(200);
    expect((await home(leader))[0]?.progress).toEqual({ done: 1, total: 2 });

    const both = await leader.put(`/api/v1/dialogue/sessions/${id}/my-answers`, {
      answers: [
        { itemId: items[0], now: 30, wanted: 70 },
        { itemId: items[1], now: 50, wanted: 60 },
      ],
    });
    expect(both.statusCode, both.body).toBe(200);
    expect(await home(leader)).toHaveLength(0);
  });
});
