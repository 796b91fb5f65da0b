import { eq } from 'drizzle-orm';
import type { TSurveyGroup } from '../../shared/api/surveys';
import type { Db } from '../db/client';
import { schools, SURVEY_NO_DEPARTMENT } from '../db/schema/index';
import { addSheets, closeRound, createRound, itemsFor, personKey, submitSheet, type CellSheets, type SheetAnswer } from '../features/surveys/api';
import { demoPeople } from './demo-actors';
import { DEMO_SCHOOL, demoColleagues } from './demo-data';
import { addDays, at } from './demo-dates';

const GROUPS: TSurveyGroup[] = ['leader', 'teacher', 'student', 'supervisor'];
/** Sheets per group in each closed round: every group over the anonymity threshold, teachers and students over the free-text one. */
const SHEETS: Record<TSurveyGroup, number> = { leader: 8, teacher: 34, student: 46, supervisor: 12 };
/** How each group sees the school (leaders the most positive: the gap the report shows first). */
const GROUP_LIFT: Record<TSurveyGroup, number> = { leader: 0.8, teacher: 0, student: 0.3, supervisor: -0.2 };
const AREA_BASE: Record<string, number> = { ledelse: 3.2, organisationsudvikling: 3.0, videndeling: 2.8, kompetenceudvikling: 3.1, praktiksamarbejde: 2.9, infrastruktur: 3.7 };
/** What moved between the two closed rounds: competence development up, collaboration with workplaces down. */
const TREND: Record<string, number> = { kompetenceudvikling: 0.5, videndeling: 0.2, praktiksamarbejde: -0.5 };
const COMMENTS = [
  'Vi mangler tid til at dele forløb med hinanden.',
  'Det hjælper, når en kollega viser, hvordan værktøjet bruges i praksis.',
  'Wifi i værkstederne er ustabilt.',
  'Det er uklart, hvem man skal spørge, når noget ikke virker.',
  'Gode erfaringer med den fælles platform i år.',
  'Mere sparring om digitale opgaver i praktikken.',
];

/** A small deterministic generator, so that the demo's figures are the same on every start. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The surveys part of the demo: two closed rounds a year apart (so the report has a gap between
 * leaders and teachers and a trend) and an open round that a few colleagues have answered, all
 * created and closed by the internal consultant through the survey commands. The closed rounds'
 * many sheets go to the counts through the same totals function as a submission, a cell at a time
 * (a sheet by sheet submission of some 200 sheets would slow the first start); the open round's
 * sheets are submitted one by one by colleagues, so their participation is recorded and the
 * reminders leave them out. The demo teacher (laerer@) has not answered, so she can.
 */
export async function seedDemoSurveys(db: Db, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
    if (!school) return;
    const demo = await demoPeople(tx, school.id);
    const kasper = demo.as('konsulent@demo.example');
    const departments = [demo.department('Bygge og Anlæg'), demo.department('Handel og Kontor'), demo.department('Teknologi og Transport')];
    const rnd = random(2027);

    const answersFor = (items: { key: string; area: string }[], group: TSurveyGroup, trend: number) =>
      Object.fromEntries(
        items.flatMap((i) => {
          const r = rnd();
          if (r < 0.04) return [[i.key, 'dont_know' as SheetAnswer]];
          if (r < 0.05) return [[i.key, 'no_answer' as SheetAnswer]];
          const v = (AREA_BASE[i.area] ?? 3) + GROUP_LIFT[group] + trend * (TREND[i.area] ?? 0) + (rnd() - 0.5) * 2.4;
          return [[i.key, Math.min(5, Math.max(1, Math.round(v))) as SheetAnswer]];
        }),
      );

    const closedRound = async (name: string, opensOn: string, closesOn: string, trend: number) => {
      const round = await createRound(tx, school.id, kasper.actor.person.id, { name, opensOn, closesOn, groups: GROUPS, departmentIds: null });
      await kasper.audit({ action: 'surveys.round_created', resourceType: 'survey_round', resourceId: round.id, summary: name, changes: { name, opensOn, closesOn, groups: GROUPS } });
      const batches: CellSheets[] = [];
      for (const group of GROUPS) {
        const items = await itemsFor(tx, round, group);
        const areas = [...new Set(items.map((i) => i.area))];
        for (const [d, departmentId] of departments.entries()) {
          const n = Math.floor(SHEETS[group] / departments.length) + (d < SHEETS[group] % departments.length ? 1 : 0);
          const sheets = Array.from({ length: n }, (_, k) => ({
            answers: answersFor(items, group, trend),
            comments: k % 3 === 0 && group !== 'leader' ? { [areas[k % areas.length] ?? '']: COMMENTS[(k + d) % COMMENTS.length] ?? '' } : {},
          }));
          batches.push({ cell: { schoolId: school.id, roundId: round.id, group, departmentKey: group === 'supervisor' ? SURVEY_NO_DEPARTMENT : departmentId }, sheets });
        }
      }
      await addSheets(tx, batches);
      await closeRound(tx, round, at(closesOn, 16));
      await kasper.audit({ action: 'surveys.round_closed', resourceType: 'survey_round', resourceId: round.id, summary: name });
    };
    await closedRound('Selvevaluering forår (sidste år)', addDays(today, -420), addDays(today, -399), 0);
    await closedRound('Selvevaluering forår', addDays(today, -56), addDays(today, -35), 1);

    // The open round: a few colleagues have answered (submitted one by one, signed in).
    const name = 'Selvevaluering efterår';
    const open = await createRound(tx, school.id, kasper.actor.person.id, { name, opensOn: addDays(today, -7), closesOn: addDays(today, 14), groups: GROUPS, departmentIds: null });
    await kasper.audit({ action: 'surveys.round_created', resourceType: 'survey_round', resourceId: open.id, summary: name, changes: { name, groups: GROUPS } });
    const teacherItems = await itemsFor(tx, open, 'teacher');
    const colleagues = demoColleagues().slice(0, 5).map((c) => demo.person(c.email));
    for (const p of colleagues) {
      await submitSheet(
        tx,
        { round: open, group: 'teacher', departmentKey: p.departmentId ?? SURVEY_NO_DEPARTMENT, ownerKey: personKey(p.id), personId: p.id, schoolName: demo.school.name, today },
        { answers: answersFor(teacherItems, 'teacher', 1), comments: {} },
      );
    }
    await demo.flush();
  });
}
