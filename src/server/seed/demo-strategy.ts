import type { Db } from '../db/client';
import { addItem, schoolYearStarting, ZItemInput } from '../features/calendar/api';
import {
  addCheckin,
  addFollowup,
  addIndicator,
  addMeasurement,
  addMilestone,
  addTechnology,
  createInitiative,
  createStrategy,
  publishStrategy,
  updateFollowup,
  updateMilestone,
  ZCheckinInput,
  ZIndicatorInput,
  ZInitiativeInput,
  ZMeasurementInput,
  ZStrategyInput,
  ZTechnologyInput,
} from '../features/strategy/api';
import { todayInCopenhagen } from '../platform/time';
import { demoPeople, type DemoWriter } from './demo-actors';
import { addDays, daysBetween, demoClock, later, onWeekday } from './demo-dates';

type Initiative = Awaited<ReturnType<typeof createInitiative>>;
type IndicatorShape = { baseline: number; baselineOn: string; target: number; targetOn: string };

/** A value on the way from baseline to target on a day, times `pace` (1: exactly as expected), to one decimal. */
const onPath = (ind: IndicatorShape, day: string, pace: number) => {
  const share = Math.min(1, Math.max(0, daysBetween(ind.baselineOn, day) / daysBetween(ind.baselineOn, ind.targetOn)));
  return Math.round((ind.baseline + (ind.target - ind.baseline) * share * pace) * 10) / 10;
};
/** Fewer days than this into the school year, and this year's measurements wait. */
const MEASURE_AFTER_DAYS = 20;

/**
 * The demo strategy, placed in time from `today` (issue 10): a three-year strategy in its second
 * school year, published by the director; a central initiative ("Bagud" this year), a department
 * initiative of Bygge og Anlæg with milestones, follow-ups (one held, one overdue, one coming) and a
 * check-in ("På sporet"), and last school year's logbook initiative whose target was not reached
 * ("Ikke nået"); the technology portfolio; the school's own dates in this and next school year's
 * årshjul. Everything goes through the strategy and årshjul commands, as the API would.
 */
export async function seedDemoStrategy(db: Db, schoolId: string, today = todayInCopenhagen()): Promise<void> {
  await db.transaction(async (tx) => {
    const demo = await demoPeople(tx, schoolId);
    const { year, previous, next } = demoClock(today, demo.startMonth);
    const dorte = demo.as('direktion@demo.example');
    const lars = demo.as('leder@demo.example');
    const lone = demo.person('laerer@demo.example');
    const bygge = demo.department('Bygge og Anlæg');

    const draft = await createStrategy(
      dorte,
      ZStrategyInput.parse({
        title: `Pædagogisk-digital strategi ${previous.startYear}–${previous.startYear + 3}`,
        periodStart: previous.start,
        periodEnd: schoolYearStarting(demo.startMonth, previous.startYear + 2).end,
        mode: 'strategi',
        vision: 'Pædagogik før teknik: digitale værktøjer vælges, når de gør eleverne dygtigere.',
        fpdgText: 'Vi tager udgangspunkt i elevernes praksis og giver løbende feedback.',
        values: ['Praksisnærhed', 'Feedback', 'Trivsel'],
        sigtelinjer: ['1', '2', '3', '4'],
        reformGoals: ['rg2', 'rg3'],
      }),
    );
    const strategy = await publishStrategy(dorte, draft);

    const central = await createInitiative(
      dorte,
      ZInitiativeInput.parse({
        strategyId: strategy.id,
        title: 'Fælles feedbackkultur',
        why: 'Elever, der får løbende feedback, fuldfører oftere deres uddannelse.',
        level: 'central',
        ownerId: dorte.actor.person.id,
        startsOn: previous.start,
        endsOn: year.end,
        sigtelinjer: ['1', '3'],
        pedagogicalGoals: ['feedback'],
        reformGoals: ['rg2'],
      }),
    );
    const local = await createInitiative(
      lars,
      ZInitiativeInput.parse({
        strategyId: strategy.id,
        title: 'Video-feedback i værkstedet',
        why: 'Eleverne kan se deres eget arbejde igen og rette det selv.',
        level: 'department',
        departmentId: bygge,
        parentId: central.id,
        ownerId: lars.actor.person.id,
        collaboratorIds: [lone.id],
        startsOn: year.start,
        endsOn: addDays(year.end, -31),
        sigtelinjer: ['3', '4'],
        pedagogicalGoals: ['feedback', 'praksiskobling'],
      }),
    );
    const logbook = await createInitiative(
      dorte,
      ZInitiativeInput.parse({
        strategyId: strategy.id,
        title: 'Digitale logbøger i praktikken',
        why: 'Eleven, skolen og praktikstedet ser den samme logbog og taler om de samme opgaver.',
        level: 'department',
        departmentId: demo.department('Sundhed og Omsorg'),
        parentId: central.id,
        startsOn: previous.start,
        endsOn: previous.end,
        sigtelinjer: ['1', '4'],
        pedagogicalGoals: ['praksiskobling'],
      }),
    );

    const measure = async (w: DemoWriter, i: Initiative, input: Record<string, unknown>, points: [string, number][]) => {
      const ind = await addIndicator(w, i, ZIndicatorInput.parse(input), today);
      for (const [day, pace] of points) await addMeasurement(w, ind, ZMeasurementInput.parse({ value: onPath(ind, day, pace), measuredOn: day, source: 'Canvas' }), today);
    };
    const intoYear = daysBetween(year.start, today);
    const lately = intoYear >= MEASURE_AFTER_DAYS ? addDays(today, -2) : null;
    // this year: a little behind the expected path (early in the school year: last spring's survey)
    await measure(dorte, central, { name: 'Elever, der oplever løbende feedback', unit: '%', baseline: 48, baselineOn: previous.start, target: 70, targetOn: addDays(year.end, -31), direction: 'increase' }, [
      lately ? [lately, 0.9] : [addDays(previous.start, 240), 1.1],
    ]);
    // this year: on the expected path
    await measure(
      lars,
      local,
      { name: 'Forløb med video-feedback', unit: '%', baseline: 10, baselineOn: year.start, target: 60, targetOn: local.endsOn, direction: 'increase' },
      lately ? [[addDays(year.start, Math.round(intoYear * 0.45)), 1.05], [lately, 0.98]] : [],
    );
    // last school year: the target date has passed and the target was not reached
    await measure(dorte, logbook, { name: 'Elever med aktiv logbog', unit: '%', baseline: 20, baselineOn: previous.start, target: 80, targetOn: addDays(previous.end, -31), direction: 'increase' }, [
      [addDays(previous.start, 90), 1],
      [addDays(previous.start, 270), 0.62],
    ]);

    const milestone = async (w: DemoWriter, i: Initiative, title: string, day: string) => {
      const dueOn = onWeekday(day);
      const m = await addMilestone(w, i, { title, dueOn });
      if (dueOn < today) await updateMilestone(w, i, m, { done: true });
    };
    await milestone(dorte, central, 'Pædagogisk dag om feedback', addDays(year.start, 80));
    await milestone(lars, local, 'Alle hold har prøvet video', addDays(year.start, 167));
    await milestone(dorte, logbook, 'Logbog i alle praktikforløb', addDays(previous.start, 150));

    const held = await addFollowup(lars, local, { title: 'Statusmøde', dueOn: onWeekday(addDays(year.start, 106)) });
    if (held.dueOn < today) await updateFollowup(lars, local, held, { held: true });
    // not held yet: overdue for the leaders once its day has passed
    await addFollowup(lars, local, { title: 'Evaluering med holdene', dueOn: later(year.start, onWeekday(addDays(today, -5))) });
    await addFollowup(lars, local, { title: 'Statusmøde', dueOn: onWeekday(addDays(today, 10)) });
    await addCheckin(
      lars,
      local,
      ZCheckinInput.parse({
        heldOn: later(year.start, addDays(today, -7)),
        progress: Math.min(100, Math.round((100 * intoYear) / daysBetween(year.start, local.endsOn))),
        decisions: 'Alle faglærere i værkstedet har prøvet at filme en demonstration.',
        nextSteps: 'Eleverne filmer hinanden og giver feedback ud fra tjeklisten.',
      }),
      today,
    );

    await addTechnology(dorte, ZTechnologyInput.parse({ name: 'Canvas', state: 'valgt', rationale: 'Ét sted for forløb, materialer og feedback.', scope: 'school', initiativeIds: [central.id] }));
    await addTechnology(
      dorte,
      ZTechnologyInput.parse({ name: 'Padlet', state: 'fravalgt', rationale: 'Overlapper Canvas.', deselectionReason: 'Canvas dækker behovet; færre værktøjer giver tryghed.', scope: 'school' }),
    );

    // the school's own dates, in this and next school year
    for (const [title, startsOn, sigtelinjer] of [
      ['Skolestart for eleverne', addDays(year.start, 10), []],
      ['Strategiseminar for ledelsen', addDays(year.start, 190), ['1']],
      ['Skolestart for eleverne', addDays(next.start, 10), []],
    ] as const) {
      await addItem(dorte, ZItemInput.parse({ title, startsOn: onWeekday(startsOn), sigtelinjer: [...sigtelinjer] }));
    }
    await demo.flush();
  });
}
