import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { competenceAreaLevels, competenceFrameworks, competenceItems } from '../../db/schema/index';
import { rowsOf } from '../../db/raw';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { todayInCopenhagen } from '../../platform/time';
import { refreshAreaTotals } from './area-totals';
import { writeAssessments } from './bulk-assessments';
import { STAFF_AREAS, STUDENT_AREAS } from './framework-data';
import { STAFF_STATEMENTS, STUDENT_STATEMENTS } from './framework-statements';
import { ensureFramework } from './frameworks';
import { upgradeCompetence } from './upgrade';

const { app, database } = await testApp();
const db = database.db;

type L = { da: string; en: string };
type Comp = { id: string; code: string; caseIdentifier: string; title: L; statements: { level: number; text: L }[] };
type Fw = { id: string; areas: { id: string; code: string; competences: Comp[] }[]; notYet: L };
const today = todayInCopenhagen();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let school: BuiltSchool;
let admin: TestClient;
let fw: Fw;

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel'] });
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
  fw = (await admin.get('/api/v1/competence/framework')).json();
});

/** The answers the self-assessment used to generate: "Jeg reflekterer over refleksiv praksis". */
const TEMPLATE = {
  da: ['Jeg kender til', 'Jeg har prøvet', 'Jeg bruger', 'Jeg analyserer og vælger', 'Jeg reflekterer over', 'Jeg tager initiativ til'],
  en: ['I know about', 'I have tried', 'I use', 'I analyse and choose', 'I reflect on', 'I take the initiative for'],
};

describe('level statements written by hand', () => {
  const frameworks = [
    { kind: 'staff', areas: STAFF_AREAS, statements: STAFF_STATEMENTS, competences: 25 },
    { kind: 'student', areas: STUDENT_AREAS, statements: STUDENT_STATEMENTS, competences: 5 },
  ] as const;

  for (const f of frameworks) {
    it(`${f.kind}: every competence has its own six statements, levels 1–6, in Danish and English`, () => {
      const competences = f.areas.flatMap((a) => a.competences.map((c, i) => ({ code: `${a.code}.${i + 1}`, title: c.title })));
      expect(competences).toHaveLength(f.competences);
      expect(Object.keys(f.statements).sort()).toEqual(competences.map((c) => c.code).sort());
      for (const c of competences) {
        const list = f.statements[c.code] ?? [];
        expect(list.map((s) => s.level), c.code).toEqual([1, 2, 3, 4, 5, 6]);
        for (const s of list) {
          for (const lang of ['da', 'en'] as const) {
            const text = s.text[lang];
            expect(text.length, `${c.code} ${s.level} ${lang}`).toBeGreaterThan(30);
            expect(text, `${c.code} ${s.level} ${lang}`).toMatch(/^[A-ZÆØÅ].*\.$/);
            // not the template with the competence's name in it
            for (const prefix of TEMPLATE[lang]) expect(text.toLowerCase().startsWith(`${prefix} ${c.title[lang]}`.toLowerCase()), `${c.code} ${s.level} ${lang}: ${text}`).toBe(false);
            expect(text.toLowerCase().endsWith(`${c.title[lang].toLowerCase()}.`), `${c.code} ${s.level} ${lang}`).toBe(false);
          }
        }
      }
    });

    it(`${f.kind}: no two statements are the same, within a competence or across competences`, () => {
      for (const lang of ['da', 'en'] as const) {
        const all = Object.values(f.statements).flatMap((list) => list.map((s) => s.text[lang]));
        expect(all).toHaveLength(f.competences * 6);
        expect(new Set(all).size, lang).toBe(all.length);
      }
    });
  }

  it('the self-assessment and the framework answer with each competence\'s own statements and one "not yet" for level 0', async () => {
    const comps = fw.areas.flatMap((a) => a.competences);
    expect(comps).toHaveLength(25);
    expect(fw.notYet).toEqual({ da: 'Det kender jeg ikke til endnu', en: "I don't know this yet" });
    const reflective = comps.find((c) => c.title.da === 'Refleksiv praksis');
    expect(reflective?.statements.map((s) => s.text.da)).toEqual((STAFF_STATEMENTS[reflective?.code ?? ''] ?? []).map((s) => s.text.da));
    expect(reflective?.statements.some((s) => /refleksiv praksis/i.test(s.text.da))).toBe(false);
    // areas carry none
    expect(fw.areas.every((a) => (a as unknown as Comp).statements.length === 0)).toBe(true);
    const round = (await admin.post('/api/v1/competence/rounds', { title: 'Udsagn', opensOn: today, closesOn: today })).json().id;
    const draft = (await admin.get(`/api/v1/competence/rounds/${round}/assessment`)).json();
    expect(draft.framework.areas[0].competences[0].statements).toHaveLength(6);
    expect(draft.framework.notYet.da).toBe('Det kender jeg ikke til endnu');
    expect(draft.framework.statements).toBeUndefined();
    const student = (await admin.get('/api/v1/competence/framework?kind=student')).json() as Fw;
    expect(student.areas.flatMap((a) => a.competences).every((c) => c.statements.length === 6)).toBe(true);
  });

  it('CASE export and import keep the statements; a re-export is byte-identical', async () => {
    // a school of its own: the import makes the copy the school's current framework
    const owner = await signIn(app, (await buildPerson(db, await buildSchool(db), { roles: ['school_admin'] })).email);
    const fw = (await owner.get('/api/v1/competence/framework')).json() as Fw;
    const admin = owner;
    const pkg = (await admin.get(`/api/v1/competence/frameworks/${fw.id}/case`)).json();
    const criteria = pkg.CFRubrics[0].CFRubricCriteria as { CFItemURI?: { identifier: string }; CFRubricCriterionLevels: { score: number; description: string; feedback: string }[] }[];
    // the levels' own criterion first, then one per competence, linked by CFItemURI
    expect(criteria).toHaveLength(1 + 25);
    const c0 = fw.areas[0]?.competences[0];
    const mine = criteria.find((c) => c.CFItemURI?.identifier === c0?.caseIdentifier);
    expect(mine?.CFRubricCriterionLevels.map((l) => [l.score, l.description, l.feedback])).toEqual(c0?.statements.map((s) => [s.level, s.text.da, s.text.en]));
    const imported = await admin.post('/api/v1/competence/frameworks/case', pkg);
    expect(imported.statusCode, imported.body).toBe(201);
    const copy = imported.json() as Fw;
    expect(copy.areas.flatMap((a) => a.competences.map((c) => c.statements))).toEqual(fw.areas.flatMap((a) => a.competences.map((c) => c.statements)));
    const again = (await admin.get(`/api/v1/competence/frameworks/${copy.id}/case`)).json();
    expect({ ...again, CFDocument: { ...again.CFDocument, version: pkg.CFDocument.version } }).toEqual(pkg);
  });
});

/** Each competence's answer, by position: p(c). */
const answersFor = (f: Fw, level: (c: number) => number) => f.areas.flatMap((a) => a.competences).map((c, i) => ({ competenceId: c.id, level: level(i) }));

describe('level 0 is a flag on the person; the answers stay as answered', () => {
  let person: BuiltPerson;
  let client: TestClient;
  let roundId: string;
  beforeAll(async () => {
    person = await buildPerson(db, school, { roles: ['teacher'], departmentId: school.departments[0]?.id ?? null, name: 'Nul Nielsen' });
    client = await signIn(app, person.email);
    roundId = (await admin.post('/api/v1/competence/rounds', { title: 'Niveau 0', opensOn: today, closesOn: addDays(today, 7) })).json().id;
  });

  it('a person who ticks two basic-skills boxes keeps their levels in the profile, with the level-0 flag beside them', async () => {
    const res = await client.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true, true, false, false, false], answers: answersFor(fw, (i) => 3 + (i % 2)), submit: true });
    expect(res.statusCode, res.body).toBe(200);
    const profile = (await client.get(`/api/v1/competence/people/${person.id}/profile`)).json();
    expect(profile.latest.basicPassed).toBe(false);
    const comps = fw.areas.flatMap((a) => a.competences);
    expect(comps.map((c) => profile.latest.competences[c.id])).toEqual(comps.map((_, i) => 3 + (i % 2)));
    // area 1 has four competences: 3, 4, 3, 4
    expect(profile.latest.areas[0]).toEqual({ id: fw.areas[0]?.id, mean: 3.5, level: 3 });
    expect(profile.latest.areas.every((a: { level: number }) => a.level >= 3)).toBe(true);
    // the heatmap's per-person means are the answered ones too
    const levels = await db.select().from(competenceAreaLevels).where(and(eq(competenceAreaLevels.schoolId, school.id), eq(competenceAreaLevels.roundId, roundId)));
    expect(levels.find((l) => l.areaId === fw.areas[0]?.id)?.mean).toBe(3.5);
    // their own data says both
    const own = (await client.get(`/api/v1/competence/people/${person.id}/export`)).json();
    expect(own.assessments[0].basicSkillsPassed).toBe(false);
    expect(own.assessments[0].competences.every((c: { level: number }) => c.level >= 3)).toBe(true);
  });

  it('the department head still finds the person on the level-0 list (the flag), when the school allows it', async () => {
    const head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: school.departments[0]?.id ?? null })).email);
    expect((await admin.patch('/api/v1/competence/settings', { leaderSeesIndividuals: true })).statusCode).toBe(200);
    const list = (await head.get('/api/v1/competence/level-zero')).json();
    expect(list.map((p: { name: string }) => p.name)).toContain('Nul Nielsen');
    const profile = (await head.get(`/api/v1/competence/people/${person.id}/profile`)).json();
    expect(profile.latest.basicPassed).toBe(false);
    expect(profile.latest.competences[fw.areas[0]?.competences[0]?.id ?? '']).toBe(3);
  });
});

describe('correcting answers after sending', () => {
  it('the person changes and sends again until the round closes; the profile and the heatmap follow; after the close it is refused', async () => {
    const person = await buildPerson(db, school, { roles: ['teacher'], departmentId: school.departments[1]?.id ?? null });
    const client = await signIn(app, person.email);
    const roundId = (await admin.post('/api/v1/competence/rounds', { title: 'Ret svar', opensOn: today, closesOn: addDays(today, 7) })).json().id;
    const url = `/api/v1/competence/rounds/${roundId}/assessment`;
    let res = await client.put(url, { basicAnswers: [true, true, true, true, true], answers: answersFor(fw, () => 2), submit: true });
    expect(res.json()).toMatchObject({ answered: 25, submitted: true });
    const first = (await client.get(url)).json();
    expect(first.submittedAt).not.toBeNull();

    // reopened: one area changed on leaving its step (no submit), then sent again
    const area0 = fw.areas[0]?.competences.map((c) => ({ competenceId: c.id, level: 5 })) ?? [];
    res = await client.put(url, { answers: area0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ answered: 25, submitted: true });
    let profile = (await client.get(`/api/v1/competence/people/${person.id}/profile`)).json();
    expect(profile.latest.areas[0].mean).toBe(5);
    res = await client.put(url, { answers: answersFor(fw, () => 4), submit: true });
    expect(res.statusCode, res.body).toBe(200);
    profile = (await client.get(`/api/v1/competence/people/${person.id}/profile`)).json();
    expect(profile.latest.areas.map((a: { mean: number }) => a.mean)).toEqual(fw.areas.map(() => 4));
    expect(profile.history).toHaveLength(1);
    const [area] = await db.select().from(competenceAreaLevels).where(and(eq(competenceAreaLevels.schoolId, school.id), eq(competenceAreaLevels.roundId, roundId), eq(competenceAreaLevels.areaId, fw.areas[1]?.id ?? '')));
    expect(area?.mean).toBe(4);

    expect((await admin.patch(`/api/v1/competence/rounds/${roundId}`, { closed: true })).statusCode).toBe(200);
    res = await client.put(url, { answers: answersFor(fw, () => 6), submit: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('round_closed');
  });
});

describe('upgrade at start', () => {
  it('gives a default framework that still has the generated statements the written ones, and keeps a renamed competence and an imported framework as they are', async () => {
    const other = await buildSchool(db, { departments: ['X'] });
    const id = await ensureFramework(db, other.id, 'staff');
    const items = await db.select().from(competenceItems).where(and(eq(competenceItems.schoolId, other.id), eq(competenceItems.frameworkId, id), isNotNull(competenceItems.parentId)));
    // as a school's framework looked before the statements were written
    await db.update(competenceItems).set({ levelStatements: null }).where(and(eq(competenceItems.schoolId, other.id), eq(competenceItems.frameworkId, id)));
    const renamed = items.find((i) => i.code === '1.3');
    await db.update(competenceItems).set({ title: { da: 'Vores egen refleksion', en: 'Our own reflection' } }).where(and(eq(competenceItems.schoolId, other.id), eq(competenceItems.id, renamed?.id ?? '')));
    const foreign = await ensureFramework(db, other.id, 'student');
    await db.update(competenceFrameworks).set({ creator: 'En anden skole' }).where(and(eq(competenceFrameworks.schoolId, other.id), eq(competenceFrameworks.id, foreign)));
    await db.update(competenceItems).set({ levelStatements: null }).where(and(eq(competenceItems.schoolId, other.id), eq(competenceItems.frameworkId, foreign)));

    const result = await upgradeCompetence(db);
    expect(result.statements).toBeGreaterThanOrEqual(1);
    const after = await db.select().from(competenceItems).where(and(eq(competenceItems.schoolId, other.id), isNotNull(competenceItems.parentId)));
    const staff = after.filter((i) => i.frameworkId === id);
    expect(staff.filter((i) => i.levelStatements?.length === 6)).toHaveLength(24);
    expect(staff.find((i) => i.code === '1.3')?.levelStatements).toBeNull();
    expect(staff.find((i) => i.code === '1.1')?.levelStatements).toEqual(STAFF_STATEMENTS['1.1']);
    expect(after.filter((i) => i.frameworkId === foreign).every((i) => i.levelStatements === null)).toBe(true);
    // idempotent
    expect((await upgradeCompetence(db)).statements).toBe(0);
  });

  it('counts earlier level-0 submissions as answered (open rounds and untouched closed rounds), but keeps a closed round where someone was erased since', async () => {
    const s = await buildSchool(db, { departments: ['A', 'B'] });
    const [dA, dB] = s.departments.map((d) => d.id) as [string, string];
    const f = await ensureFramework(db, s.id, 'staff');
    const mkRound = async (title: string, closesOn: string) =>
      rowsOf<{ id: string }>(await db.execute(sql`insert into competence_rounds (school_id, framework_id, title, opens_on, closes_on) values (${s.id}, ${f}, ${title}, ${addDays(today, -40)}, ${closesOn}) returning id`));
    const [open] = await mkRound('Åben', addDays(today, 5));
    const [closed] = await mkRound('Lukket', addDays(today, -1));
    const [erased] = await mkRound('Lukket, slettet siden', addDays(today, -1));
    const staffA = await Promise.all(Array.from({ length: 5 }, () => buildPerson(db, s, { roles: ['teacher'], departmentId: dA, account: false })));
    const staffB = await Promise.all(Array.from({ length: 5 }, () => buildPerson(db, s, { roles: ['teacher'], departmentId: dB, account: false })));
    for (const r of [open, closed, erased]) await writeAssessments(db, s.id, r?.id ?? '', f, [...staffA, ...staffB], () => 4, (p) => p !== 0);
    // as the old rule stored them: the level-0 person's area means are 0
    await db.execute(sql`update competence_area_levels l set mean = 0 from competence_assessments a
      where a.school_id = l.school_id and a.id = l.assessment_id and a.school_id = ${s.id} and a.basic_passed = false`);
    const rounds = [open, closed, erased].map((r) => r?.id ?? '');
    await refreshAreaTotals(db, s.id, rounds.map((r) => ({ r, d: dA })));
    // someone in department A was erased after the close: their per-area rows are gone, the totals kept
    await db.execute(sql`delete from competence_area_levels l using competence_assessments a
      where a.school_id = l.school_id and a.id = l.assessment_id and a.school_id = ${s.id} and a.round_id = ${erased?.id} and a.person_id = ${staffA[1]?.id}`);
    const areaMean = async (roundId: string) => {
      const [t] = rowsOf<{ m: number }>(await db.execute(sql`select sum_mean / respondents m from competence_area_totals where school_id = ${s.id} and round_id = ${roundId} and department_key = ${dA} limit 1`));
      return t?.m;
    };
    expect(await areaMean(closed?.id ?? '')).toBeCloseTo(16 / 5);

    const result = await upgradeCompetence(db);
    expect(result.levelZero).toBeGreaterThanOrEqual(2);
    expect(await areaMean(closed?.id ?? '')).toBeCloseTo(4);
    expect(await areaMean(erased?.id ?? '')).toBeCloseTo(16 / 5);
    const zeroRows = rowsOf<{ mean: number; round_id: string }>(
      await db.execute(sql`select l.mean, a.round_id from competence_area_levels l join competence_assessments a on a.school_id = l.school_id and a.id = l.assessment_id
        where a.school_id = ${s.id} and a.basic_passed = false`),
    );
    expect(zeroRows.filter((r) => r.round_id !== erased?.id).every((r) => r.mean === 4)).toBe(true);
    expect(zeroRows.filter((r) => r.round_id === erased?.id).every((r) => r.mean === 0)).toBe(true);
    expect((await upgradeCompetence(db)).levelZero).toBe(0);
  });
});
