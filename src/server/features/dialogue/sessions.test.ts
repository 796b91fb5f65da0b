import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dialogueAnswers, dialogueParticipants } from '../../db/schema/index';
import { translate } from '../../platform/messages';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';
import { dialoguePersonalData } from './personal-data';
import { BUILTIN_PAIRS } from './reference-data';

/** Templates, drafts, copy as template, rights of department heads, and asynchronous sessions (audience, stepped copy, personal data). */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let school: BuiltSchool;
let consultant: TestClient;
let admin: TestClient;

type Slider = { count: number; shown: boolean; values?: number[] };
type Pair = { key: string; builtin: boolean; edited: boolean; archived: boolean; left: { da: string; en: string }; right: { da: string; en: string } };

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Byg', 'Handel'] });
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
});

const draft = async (client: TestClient, body: Record<string, unknown>) => {
  const res = await client.post('/api/v1/dialogue/sessions', { title: 'Dialog', mode: 'live', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; departmentId: string | null; items: { id: string; pairKey: string; left: { da: string }; boundary: string | null }[] };
};

describe('templates', () => {
  it('lists the 19 built-in pairs verbatim and the 5 boundary types; a school edits wording, adds its own pair and archives', async () => {
    const t = (await consultant.get('/api/v1/dialogue/templates')).json() as { pairs: Pair[]; boundaries: { key: string }[]; abilities: string[] };
    expect(t.pairs).toHaveLength(19);
    expect(t.pairs.map((p) => `${p.left.da} – ${p.right.da}`)).toContain('Centrale beslutninger – decentrale beslutninger');
    expect(t.pairs.map((p) => `${p.left.da} – ${p.right.da}`)).toContain('Ny lærerrolle – gammel lærerrolle');
    expect(new Set(BUILTIN_PAIRS.map((p) => p.key)).size).toBe(19);
    expect(t.boundaries.map((b) => b.key)).toEqual(['vertical', 'horizontal', 'stakeholder', 'demographic', 'geographic']);
    expect(t.abilities).toContain('dialogue:manageTemplates');
    const edited = await admin.patch('/api/v1/dialogue/pairs/teknik-paedagogik', { left: { da: 'Teknologi' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ key: 'teknik-paedagogik', edited: true, left: { da: 'Teknologi', en: 'Technology' } });
    const own = await admin.post('/api/v1/dialogue/pairs', { left: { da: 'Hurtigt' }, right: { da: 'grundigt', en: 'thorough' } });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().key).toMatch(/^own-/);
    expect(own.json().left.en).toBe('Hurtigt');
    expect((await admin.patch(`/api/v1/dialogue/pairs/${own.json().key}`, { archived: true })).json().archived).toBe(true);
    expect((await admin.patch('/api/v1/dialogue/pairs/findes-ikke', { archived: true })).statusCode).toBe(404);
    const b = await admin.put('/api/v1/dialogue/boundaries/vertical', { name: { da: 'Op og ned' }, description: { da: 'Mellem ledelse og lærere' } });
    expect(b.json()).toMatchObject({ key: 'vertical', edited: true, name: { da: 'Op og ned', en: 'Vertical boundaries' } });
    const teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
    expect((await teacher.patch('/api/v1/dialogue/pairs/kultur-strategi', { archived: true })).statusCode).toBe(403);
    // Another school still has the built-in wording.
    const other = await buildSchool(db, { departments: ['X'] });
    const otherAdmin = await signIn(app, (await buildPerson(db, other, { roles: ['school_admin'] })).email);
    const theirs = (await otherAdmin.get('/api/v1/dialogue/templates')).json() as { pairs: Pair[] };
    expect(theirs.pairs.find((p) => p.key === 'teknik-paedagogik')?.left.da).toBe('Teknik');
    expect(theirs.pairs).toHaveLength(19);
  });
});

describe('sessions', () => {
  it('freeze the wording of their pairs; an edit afterwards changes no session; copy as template keeps items and boundaries', async () => {
    const s = await draft(consultant, { items: [{ pairKey: 'kultur-strategi', boundary: 'horizontal' }, { pairKey: 'privat-offentlig' }] });
    expect(s.items.map((i) => [i.pairKey, i.boundary])).toEqual([
      ['kultur-strategi', 'horizontal'],
      ['privat-offentlig', null],
    ]);
    await admin.patch('/api/v1/dialogue/pairs/kultur-strategi', { left: { da: 'Kulturen' } });
    const after = (await consultant.get(`/api/v1/dialogue/sessions/${s.id}`)).json();
    expect(after.items[0].left.da).toBe('Kultur');
    const copy = await consultant.post(`/api/v1/dialogue/sessions/${s.id}/copy`, { title: 'Næste gang' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ title: 'Næste gang', status: 'draft' });
    expect(copy.json().items.map((i: { pairKey: string; boundary: string | null; left: { da: string } }) => [i.pairKey, i.boundary, i.left.da])).toEqual([
      ['kultur-strategi', 'horizontal', 'Kultur'],
      ['privat-offentlig', null, 'Privat'],
    ]);
  });

  it('a draft is edited (items added, removed, reordered, tagged), opened once, and only a draft is deleted', async () => {
    const s = await draft(consultant, { items: [{ pairKey: 'kultur-strategi' }] });
    const [first] = s.items;
    const put = await consultant.put(`/api/v1/dialogue/sessions/${s.id}/items`, {
      items: [{ pairKey: 'fravalg-valg', boundary: 'vertical' }, { id: first?.id, pairKey: 'kultur-strategi', boundary: 'geographic' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items.map((i: { pairKey: string; boundary: string }) => `${i.pairKey}:${i.boundary}`)).toEqual(['fravalg-valg:vertical', 'kultur-strategi:geographic']);
    const twice = await consultant.put(`/api/v1/dialogue/sessions/${s.id}/items`, { items: [{ pairKey: 'fravalg-valg' }, { pairKey: 'fravalg-valg' }] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0].field).toBe('items.1.pairKey');
    expect((await consultant.put(`/api/v1/dialogue/sessions/${s.id}/items`, { items: [{ pairKey: 'findes-ikke' }] })).statusCode).toBe(422);
    expect((await consultant.patch(`/api/v1/dialogue/sessions/${s.id}`, { title: 'Ny titel' })).json().title).toBe('Ny titel');
    const empty = await draft(consultant, {});
    const noItems = await consultant.post(`/api/v1/dialogue/sessions/${empty.id}/open`, {});
    expect(noItems.statusCode).toBe(422);
    expect(noItems.json().errors[0].field).toBe('items');
    expect((await consultant.post(`/api/v1/dialogue/sessions/${s.id}/open`, {})).json().status).toBe('open');
    expect((await consultant.patch(`/api/v1/dialogue/sessions/${s.id}`, { title: 'Igen' })).statusCode).toBe(409);
    expect((await consultant.post(`/api/v1/dialogue/sessions/${s.id}/open`, {})).statusCode).toBe(409);
    expect((await consultant.delete(`/api/v1/dialogue/sessions/${s.id}`)).statusCode).toBe(409);
    expect((await consultant.delete(`/api/v1/dialogue/sessions/${empty.id}`)).statusCode).toBe(204);
    expect((await consultant.get(`/api/v1/dialogue/sessions/${empty.id}`)).statusCode).toBe(404);
  });

  it("a department head creates and runs his own department's sessions, not another's; another school gets 404", async () => {
    const [byg, handel] = school.departments.map((d) => d.id) as [string, string];
    const head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: byg })).email);
    const mine = await draft(head, { items: [{ pairKey: 'kultur-strategi' }] });
    expect(mine.departmentId).toBe(byg);
    expect((await head.post('/api/v1/dialogue/sessions', { title: 'Andres', mode: 'live', departmentId: handel })).statusCode).toBe(403);
    const theirs = await draft(consultant, { departmentId: handel, items: [{ pairKey: 'kultur-strategi' }] });
    expect((await head.post(`/api/v1/dialogue/sessions/${theirs.id}/open`, {})).statusCode).toBe(403);
    expect((await head.patch(`/api/v1/dialogue/sessions/${mine.id}`, { departmentId: handel })).statusCode).toBe(403);
    const list = (await head.get('/api/v1/dialogue/sessions')).json().sessions.map((s: { id: string }) => s.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);
    const other = await buildSchool(db, { departments: ['X'] });
    const stranger = await signIn(app, (await buildPerson(db, other, { roles: ['top_management'] })).email);
    expect((await stranger.get(`/api/v1/dialogue/sessions/${mine.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/dialogue/sessions/${mine.id}/copy`, {})).statusCode).toBe(404);
    expect((await stranger.delete(`/api/v1/dialogue/sessions/${mine.id}`)).statusCode).toBe(404);
  });
});

describe('asynchronous sessions', () => {
  let teachers: { person: BuiltPerson; client: TestClient }[];
  let student: TestClient;

  beforeAll(async () => {
    teachers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const person = await buildPerson(db, school, { roles: ['teacher'] });
        return { person, client: await signIn(app, person.email) };
      }),
    );
    student = await signIn(app, (await buildPerson(db, school, { roles: ['student'] })).email);
  });

  const teacher = (n: number) => {
    const t = teachers[n];
    if (!t) throw new Error(`teacher ${n}`);
    return t;
  };
  const openAsync = async (resultsMode: 'live' | 'after_close') => {
    const s = await draft(consultant, { mode: 'async', items: [{ pairKey: 'undervisning-laering' }, { pairKey: 'kultur-strategi' }] });
    const missing = await consultant.post(`/api/v1/dialogue/sessions/${s.id}/open`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['audience', 'closesOn', 'opensOn']);
    const opened = await consultant.post(`/api/v1/dialogue/sessions/${s.id}/open`, {
      audience: { roles: ['teacher'] },
      opensOn: today,
      closesOn: addDays(today, 7),
      resultsMode,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    return { id: s.id, items: opened.json().items.map((i: { id: string }) => i.id) as string[] };
  };
  type Mine = { items: { now: Slider }[]; own: { answers: { itemId: string; now: number | null }[] } | null; publishedAt: string | null };
  const mine = async (c: TestClient, id: string) => (await c.get(`/api/v1/dialogue/sessions/${id}/my-answers`)).json() as Mine;

  it('are answered by the members of the audience only, all or nothing', async () => {
    const s = await openAsync('after_close');
    const t = teacher(0).client;
    const saved = await t.put(`/api/v1/dialogue/sessions/${s.id}/my-answers`, { answers: [{ itemId: s.items[0], now: 20, wanted: 70 }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await mine(t, s.id)).own?.answers).toEqual([{ itemId: s.items[0], now: 20, wanted: 70 }]);
    expect((await student.put(`/api/v1/dialogue/sessions/${s.id}/my-answers`, { answers: [{ itemId: s.items[0], now: 1 }] })).statusCode).toBe(403);
    expect((await student.get(`/api/v1/dialogue/sessions/${s.id}`)).statusCode).toBe(403);
    const half = await t.put(`/api/v1/dialogue/sessions/${s.id}/my-answers`, {
      answers: [
        { itemId: s.items[1], now: 99 },
        { itemId: '00000000-0000-4000-8000-000000000000', now: 1 },
      ],
    });
    expect(half.statusCode).toBe(404);
    expect((await mine(t, s.id)).own?.answers).toHaveLength(1);
    // Results after the close: nothing but counts while open.
    expect((await mine(t, s.id)).items[0]?.now).toEqual({ count: 1, shown: false });
  });

  it('with live results show a published copy that moves only once 3 participants have answered or changed since the last', async () => {
    const s = await openAsync('live');
    const answerAs = (n: number, now: number) =>
      teacher(n).client.put(`/api/v1/dialogue/sessions/${s.id}/my-answers`, { answers: [{ itemId: s.items[0], now }] });
    await answerAs(0, 10);
    await answerAs(1, 20);
    const early = await mine(teacher(0).client, s.id);
    expect(early.items[0]?.now).toEqual({ count: 0, shown: false });
    expect(early.publishedAt).toBeNull();
    await answerAs(2, 30);
    const first = await mine(teacher(0).client, s.id);
    expect(first.items[0]?.now).toMatchObject({ count: 3, shown: true, values: [10, 20, 30] });
    // One more answer and one change: the copy stays as it was.
    await answerAs(3, 40);
    await answerAs(0, 15);
    const facilitator = (await consultant.get(`/api/v1/dialogue/sessions/${s.id}/live`)).json() as Mine;
    expect(facilitator.items[0]?.now.values).toEqual([10, 20, 30]);
    // The third changed participant moves it.
    await answerAs(1, 25);
    expect((await mine(teacher(3).client, s.id)).items[0]?.now.values).toEqual([15, 25, 30, 40]);
  });

  it("a person's export holds their asynchronous answers; erasure unlinks them and the answers stay, anonymous", async () => {
    const s = await openAsync('after_close');
    const person = teacher(1).person;
    await teacher(1).client.put(`/api/v1/dialogue/sessions/${s.id}/my-answers`, { answers: [{ itemId: s.items[0], now: 33, wanted: 66 }] });
    const exported = (await dialoguePersonalData.export?.(db, school.id, person.id)) as { dialogueAnswers: { pair: string; now: number }[] };
    expect(exported.dialogueAnswers.map((a) => [a.pair, a.now])).toContainEqual(['Undervisning – læring', 33]);
    // The PDF of the export labels every field and the module in both languages.
    const keys = new Set([...Object.keys(exported), ...Object.values(exported).flatMap((rows) => rows.flatMap((r) => Object.keys(r)))]);
    for (const locale of ['da', 'en'] as const) {
      expect([...keys].filter((k) => translate(locale, `personalData.fields.${k}`) === `personalData.fields.${k}`)).toEqual([]);
      expect(translate(locale, 'personalData.modules.dialogue')).not.toBe('personalData.modules.dialogue');
    }
    await db.transaction(async (tx) => {
      await dialoguePersonalData.erase?.(tx, school.id, person.id, {} as never);
    });
    expect(await db.select().from(dialogueParticipants).where(eq(dialogueParticipants.personId, person.id))).toHaveLength(0);
    const kept = await db.select().from(dialogueAnswers).where(eq(dialogueAnswers.itemId, s.items[0] ?? ''));
    expect(kept.map((a) => [a.now, a.wanted])).toEqual([[33, 66]]);
  });
});
