import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../db/raw';
import { surveyDrafts, surveyItemTotals, surveyParticipation, surveyRespondentTotals } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';

/** Answering signed in: the sheet by group, drafts, one submission, and answers that exist only as counts. */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let school: BuiltSchool;
let consultant: TestClient;
let roundId: string;
const fields = (res: { json(): unknown }) => ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
type Sheet = { group: string; areas: { key: string; items: { key: string }[] }[]; answers: Record<string, unknown>; comments: Record<string, string>; submitted: boolean };
const itemsOf = (s: Sheet) => s.areas.flatMap((a) => a.items.map((i) => i.key));

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Byg', 'Handel'] });
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  const res = await consultant.post('/api/v1/surveys/rounds', { name: 'Efterår', opensOn: addDays(today, -1), closesOn: addDays(today, 10), groups: ['leader', 'teacher', 'student'] });
  roundId = res.json().id;
});

describe('the answer sheet', () => {
  it("asks each group its own items; a group the round does not ask is refused", async () => {
    const teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
    const leader = await signIn(app, (await buildPerson(db, school, { roles: ['department_head', 'teacher'] })).email);
    const supervisor = await signIn(app, (await buildPerson(db, school, { roles: ['company_supervisor'] })).email);
    const t = (await teacher.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).json() as Sheet;
    const l = (await leader.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).json() as Sheet;
    expect(t.group).toBe('teacher');
    expect(l.group).toBe('leader');
    expect(itemsOf(t).length).toBeGreaterThanOrEqual(30);
    expect(itemsOf(t)).not.toEqual(itemsOf(l));
    expect((await supervisor.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).statusCode).toBe(403);
  });

  it('saves a partial sheet, resumes it, and names a bad item or value (nothing half-written)', async () => {
    const teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
    const sheet = (await teacher.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).json() as Sheet;
    const [k1, k2] = itemsOf(sheet);
    const area = sheet.areas[0]?.key ?? '';
    const saved = await teacher.put(`/api/v1/surveys/rounds/${roundId}/draft`, { answers: { [k1 ?? '']: 4 }, comments: { [area]: 'Godt' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ answered: 1, submitted: false });
    await teacher.put(`/api/v1/surveys/rounds/${roundId}/draft`, { answers: { [k2 ?? '']: 'dont_know' } });
    const resumed = (await teacher.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).json() as Sheet;
    expect(resumed.answers).toEqual({ [k1 ?? '']: 4, [k2 ?? '']: 'dont_know' });
    expect(resumed.comments).toEqual({ [area]: 'Godt' });

    const outside = await teacher.put(`/api/v1/surveys/rounds/${roundId}/draft`, { answers: { [k1 ?? '']: 2, [k2 ?? '']: 6 } });
    expect(outside.statusCode).toBe(422);
    expect(fields(outside)).toEqual([`answers.${k2}`]);
    const unknown = await teacher.post(`/api/v1/surveys/rounds/${roundId}/submit`, { answers: { 'zzz-99': 3 } });
    expect(unknown.statusCode).toBe(422);
    expect(fields(unknown)).toEqual(['answers.zzz-99']);
    // The refused requests changed nothing: the draft is as it was, no counts, no participation.
    expect((await teacher.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).json().answers).toEqual({ [k1 ?? '']: 4, [k2 ?? '']: 'dont_know' });
    expect(await db.select().from(surveyParticipation).where(eq(surveyParticipation.roundId, roundId))).toEqual([]);
  });

  it('submits once: a second submission is refused with 409', async () => {
    const teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
    const sheet = (await teacher.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).json() as Sheet;
    const first = await teacher.post(`/api/v1/surveys/rounds/${roundId}/submit`, { answers: { [itemsOf(sheet)[0] ?? '']: 5 } });
    expect(first.statusCode, first.body).toBe(201);
    const second = await teacher.post(`/api/v1/surveys/rounds/${roundId}/submit`, { answers: { [itemsOf(sheet)[0] ?? '']: 1 } });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('survey_already_submitted');
    expect((await teacher.put(`/api/v1/surveys/rounds/${roundId}/draft`, { answers: {} })).statusCode).toBe(409);
    expect(((await teacher.get(`/api/v1/surveys/rounds/${roundId}/sheet`)).json() as Sheet).submitted).toBe(true);
  });
});

describe('participation is never joinable to answers', () => {
  it('after 6 people answered, no column links a participation row to counts or free text', async () => {
    const { id } = (await consultant.post('/api/v1/surveys/rounds', { name: 'Seks', opensOn: today, closesOn: addDays(today, 5), groups: ['teacher'] })).json();
    for (let i = 0; i < 6; i++) {
      const p = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: school.departments[i % 2]?.id ?? null })).email);
      const s = (await p.get(`/api/v1/surveys/rounds/${id}/sheet`)).json() as Sheet;
      const res = await p.post(`/api/v1/surveys/rounds/${id}/submit`, { answers: { [itemsOf(s)[0] ?? '']: (i % 5) + 1 }, comments: { [s.areas[0]?.key ?? '']: `Svar ${i}` } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const columns = async (table: string) =>
      (await rawQuery<{ c: string }>(db, sql`select column_name c from information_schema.columns where table_name = ${table} order by 1`)).map((r) => r.c);
    // Participation: round and respondent only; no time, group or department to lay beside the counts.
    expect(await columns('survey_participation')).toEqual(['person_id', 'respondent_key', 'round_id', 'school_id']);
    for (const t of ['survey_item_totals', 'survey_respondent_totals', 'survey_free_texts']) {
      const cols = await columns(t);
      expect(cols.filter((c) => /person|respondent_key|account|created|updated|_at$|time/.test(c)), t).toEqual([]);
    }
    const rows = await db.select().from(surveyParticipation).where(eq(surveyParticipation.roundId, id));
    expect(rows).toHaveLength(6);
    const totals = await db.select().from(surveyRespondentTotals).where(eq(surveyRespondentTotals.roundId, id));
    expect(totals.reduce((s, t) => s + t.respondents, 0)).toBe(6);
    // Six sheets in two departments of three: counts per department, nothing per person.
    const items = await db.select().from(surveyItemTotals).where(eq(surveyItemTotals.roundId, id));
    expect(items.map((i) => i.counts.reduce((s, n) => s + n, 0)).sort()).toEqual([3, 3]);
    expect(await db.select().from(surveyDrafts).where(eq(surveyDrafts.roundId, id))).toEqual([]);
    // The consultant sees the group's total, but no department under the threshold.
    const detail = (await consultant.get(`/api/v1/surveys/rounds/${id}`)).json();
    expect(detail.participation[0].respondents).toBe(6);
    expect(detail.participation[0].departments.every((d: { respondents: number | null }) => d.respondents === null)).toBe(true);
  });
});

describe('participation per department', () => {
  it('shows a department from 5 respondents, never one under it, nor one the total would give away', async () => {
    const { id } = (await consultant.post('/api/v1/surveys/rounds', { name: 'Afdelinger', opensOn: today, closesOn: addDays(today, 5), groups: ['teacher'] })).json();
    const answer = async (departmentId: string | null) => {
      const p = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId })).email);
      const s = (await p.get(`/api/v1/surveys/rounds/${id}/sheet`)).json() as Sheet;
      expect((await p.post(`/api/v1/surveys/rounds/${id}/submit`, { answers: { [itemsOf(s)[0] ?? '']: 3 } })).statusCode).toBe(201);
    };
    const [byg, handel] = school.departments.map((d) => d.id);
    const shown = async () =>
      Object.fromEntries(
        ((await consultant.get(`/api/v1/surveys/rounds/${id}`)).json().participation[0].departments as { departmentId: string | null; respondents: number | null }[]).map((d) => [
          d.departmentId ?? 'none',
          d.respondents,
        ]),
      );
    for (let i = 0; i < 5; i++) await answer(byg ?? null);
    for (let i = 0; i < 4; i++) await answer(handel ?? null);
    // 5 in Byg, 4 in Handel: Handel is hidden, and so is Byg, or the total (9) would give Handel away.
    expect(await shown()).toEqual({ [byg ?? '']: null, [handel ?? '']: null });
    await answer(handel ?? null);
    expect(await shown()).toEqual({ [byg ?? '']: 5, [handel ?? '']: 5 });
    await answer(null);
    // One without a department: hidden, and the smallest shown department with it.
    const three = await shown();
    expect(three.none).toBeNull();
    expect(Object.values(three).filter((n) => n === null).length).toBe(2);
  });
});
