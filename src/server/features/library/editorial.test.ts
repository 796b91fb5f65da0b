import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { RELATION_FIELDS } from './model';

const { app, database } = await testApp();
const db = database.db;
const fields = (text: string) => Object.fromEntries(RELATION_FIELDS.map((f) => [f, `<p>${text} (${f})</p>`]));
let school: BuiltSchool;
let teacher: TestClient;
let colleague: TestClient;
let editor: TestClient;
let editor2: TestClient;

beforeAll(async () => {
  school = await buildSchool(db);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
  colleague = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
  editor = await signIn(app, (await buildPerson(db, school, { roles: ['editorial'] })).email);
  editor2 = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
});

const create = async (c: TestClient, body: Record<string, unknown>) => {
  const res = await c.post('/api/v1/library/items', { kind: 'forlob', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const publish = async (body: Record<string, unknown>) => {
  const { id } = await create(teacher, { fields: fields('Svejsning'), ...body });
  expect((await teacher.post(`/api/v1/library/items/${id}/submit`)).statusCode).toBe(200);
  expect((await editor.post(`/api/v1/library/items/${id}/take`)).statusCode).toBe(200);
  expect((await editor.post(`/api/v1/library/items/${id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
  return id;
};

describe('settings and glossary edits', () => {
  it('refuses criteria that are empty after cleaning, naming the field, and writes nothing', async () => {
    expect((await editor.put('/api/v1/library/settings', { requiredFields: ['maal'], criteria: ['Klart formål'] })).statusCode).toBe(200);
    for (const criteria of [[], ['<b></b>', '   <i> </i>']]) {
      const res = await editor.put('/api/v1/library/settings', { requiredFields: ['indhold'], criteria });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('criteria');
    }
    expect((await editor.get('/api/v1/library/settings')).json()).toEqual({ requiredFields: ['maal'], criteria: ['Klart formål'] });
    const bad = await editor.put('/api/v1/library/settings', { requiredFields: ['ikke_et_felt'], criteria: ['x'] });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('requiredFields');
    // what a forløb needs follows the setting; the item shows the school's criteria
    const { id } = await create(teacher, { title: 'Kun mål', fields: { maal: '<p>Mål</p>' } });
    const submitted = await teacher.post(`/api/v1/library/items/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().criteria).toEqual(['Klart formål']);
    await editor.put('/api/v1/library/settings', { requiredFields: [...RELATION_FIELDS], criteria: ['Klart formål'] });
  });

  it('edits a term; renaming it to another term’s name or to nothing is refused and changes nothing', async () => {
    const a = (await editor.post('/api/v1/library/glossary', { term: 'Kantsøm', definition: 'En søm' })).json();
    await editor.post('/api/v1/library/glossary', { term: 'Stumpsøm', definition: 'En anden søm' });
    const ok = await editor2.patch(`/api/v1/library/glossary/${a.id}`, { definition: 'En svejsesøm langs kanten' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ term: 'Kantsøm', definition: 'En svejsesøm langs kanten' });
    const dup = await editor.patch(`/api/v1/library/glossary/${a.id}`, { term: 'stumpsøm' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors.map((e: { field: string }) => e.field)).toEqual(['term']);
    const blank = await editor.patch(`/api/v1/library/glossary/${a.id}`, { term: '<b> </b>' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toEqual(['term']);
    expect((await teacher.patch(`/api/v1/library/glossary/${a.id}`, { definition: 'Hacket' })).statusCode).toBe(403);
    const list = (await teacher.get('/api/v1/library/glossary')).json() as { id: string; term: string; definition: string }[];
    expect(list.find((t) => t.id === a.id)).toEqual({ id: a.id, term: 'Kantsøm', definition: 'En svejsesøm langs kanten' });
  });
});

describe('linked materials keep the order they are given', () => {
  it('reorders and saves the order; an unknown material is refused', async () => {
    const m = [];
    for (const title of ['Video', 'Tjekliste', 'Quiz']) m.push((await create(teacher, { kind: 'material', title, url: 'https://example.org/' + title })).id);
    const { id } = await create(teacher, { title: 'Med materialer', materialIds: m });
    const order = async () => ((await teacher.get(`/api/v1/library/items/${id}`)).json().materials as { id: string }[]).map((x) => x.id);
    expect(await order()).toEqual(m);
    const reordered = [m[2], m[0], m[1]];
    expect((await teacher.patch(`/api/v1/library/items/${id}`, { materialIds: reordered })).statusCode).toBe(200);
    expect(await order()).toEqual(reordered);
    const bad = await teacher.patch(`/api/v1/library/items/${id}`, { materialIds: [m[0], '00000000-0000-4000-8000-000000000000'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['materialIds']);
    expect(await order()).toEqual(reordered);
  });
});

describe('search in one statement', () => {
  it('counts agree with the results, facets add up, and the typo fallback finds words in any field', async () => {
    const ids = [
      await publish({ title: 'Rørlægning i praksis', summary: 'Værkstedet' }),
      await publish({ title: 'Tagdækning', fields: fields('Eleverne arbejder med lodning og rørlægning') }),
    ];
    await create(teacher, { title: 'Privat rørlægning', fields: fields('kladde') });
    const res = (await colleague.get('/api/v1/library/items?q=r%C3%B8rl%C3%A6gning')).json();
    expect(res.total).toBe(2);
    expect(res.fuzzy).toBe(false);
    expect(res.items.map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());
    const sum = (xs: { count: number }[]) => xs.reduce((a, b) => a + b.count, 0);
    expect(sum(res.facets.kind)).toBe(2);
    expect(sum(res.facets.status)).toBe(2);
    expect(res.facets.status).toEqual([{ value: 'published', count: 2 }]);
    // a typo of a word that is only in a relation-model field
    const typo = (await colleague.get('/api/v1/library/items?q=lodnimg')).json();
    expect(typo.fuzzy).toBe(true);
    expect(typo.items.map((i: { id: string }) => i.id)).toEqual([ids[1]]);
    expect(typo.total).toBe(1);
    // a typo matching only the colleague's draft returns and counts nothing for others
    await create(teacher, { title: 'Hemmeligt', fields: fields('xylofonspil') });
    const hidden = (await colleague.get('/api/v1/library/items?q=xylofonspill')).json();
    expect(hidden).toMatchObject({ total: 0, items: [] });
    // paging: page 2 of 1 per page holds the second result; the total is the same
    const p2 = (await colleague.get('/api/v1/library/items?q=r%C3%B8rl%C3%A6gning&pageSize=1&page=2')).json();
    expect(p2.total).toBe(2);
    expect(p2.items.map((i: { id: string }) => i.id)).toEqual([res.items[1].id]);
  });
});
