import { eq } from 'drizzle-orm';
import { ZContractContentInput, ZCourseInput, ZRoundInput, ZSessionInput } from '../../shared/api/competence';
import { ZPersonInput } from '../../shared/schemas';
import type { Db } from '../db/client';
import { schools } from '../db/schema/index';
import {
  acknowledgeContract,
  addSession,
  competencesOf,
  createContract,
  createCourse,
  enrol,
  ensureFramework,
  evaluateEnrolment,
  loadFramework,
  openRound,
  recordProgress,
  saveSettings,
  syncOnboarding,
  writeAssessments,
} from '../features/competence/api';
import { createPerson, setRoles } from '../features/people/api';
import { todayInCopenhagen } from '../platform/time';
import { demoPeople, type DemoWriter } from './demo-actors';
import { DEMO_SCHOOL } from './demo-data';
import { addDays, at, demoClock, later, onWeekday } from './demo-dates';

type Course = Awaited<ReturnType<typeof createCourse>>;
type Session = Awaited<ReturnType<typeof addSession>>;
/** Hours after its start that a past session's attendance and completion are recorded. */
const RECORDED_AFTER_HOURS = 7;
/** Colleagues (by index) from here on have not taken the mandatory course yet. */
const NOT_YET_FROM = 20;

/**
 * The competence part of the demo (issues 4 and 10), placed in time from `today`: the default
 * framework, last school year's closed round and an open round with answers from the 40 colleagues
 * (so that the heatmap shows and changes), two colleagues at level 0 in Bygge og Anlæg, courses
 * (mandatory, onboarding, level 0, voluntary) with sessions before and after today, a new hire
 * starting in three weeks on the onboarding track, and development contracts in Bygge og Anlæg.
 * Rounds, courses, sessions, enrolments, attendance, evaluations and contracts go through the
 * competence commands, so a session never has more seats taken than it has (the rest wait), and
 * only sessions that have taken place have attendance and completions. The demo teacher
 * (laerer@) has not answered yet, so she can take the self-assessment.
 * Call after seedDemo(db) on the same database.
 */
export async function seedDemoCompetence(db: Db, today = todayInCopenhagen()): Promise<void> {
  await db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
    if (!school) return;
    const schoolId = school.id;
    const demo = await demoPeople(tx, schoolId);
    const { year, previous, now } = demoClock(today, demo.startMonth);
    const dorte = demo.as('direktion@demo.example');
    const lars = demo.as('leder@demo.example');
    const anne = demo.as('admin@demo.example');
    const kasper = demo.as('konsulent@demo.example');
    const bygge = demo.department('Bygge og Anlæg');

    const frameworkId = await ensureFramework(tx, schoolId, 'staff');
    await ensureFramework(tx, schoolId, 'student');
    const fw = await loadFramework(tx, schoolId, frameworkId);
    if (!fw) return;
    const comps = competencesOf(fw);

    await saveSettings(tx, schoolId, { leaderSeesIndividuals: true });
    await dorte.audit({ action: 'competence.settings_changed', resourceType: 'competence_settings', resourceId: schoolId, changes: { leaderSeesIndividuals: true } });

    // a new hire starting in three weeks: within the onboarding window, so the introduction course is hers
    const hire = await createPerson(
      anne,
      ZPersonInput.parse({ name: 'Nanna Nyansat', email: 'nanna.nyansat@demo.example', jobTitle: 'Faglærer, tømrer', departmentId: bygge, employmentStart: addDays(today, 21) }),
    );
    await setRoles(anne, hire, ['teacher']);

    // the colleagues without a sign-in account answer the rounds, take the courses and have contracts
    const staff = demo.rows.filter((p) => p.accountId === null).sort((a, b) => a.email.localeCompare(b.email));
    const as = (i: number): DemoWriter => {
      const p = staff[i];
      if (!p) throw new Error(`no colleague ${i}`);
      return demo.writerFor(p);
    };

    // rounds: last school year's (closed by its dates) and this year's, open today
    const round = async (title: string, opensOn: string, closesOn: string) => {
      const r = await openRound(tx, dorte.actor, ZRoundInput.parse({ title, opensOn, closesOn }));
      await dorte.audit({ action: 'competence.round_opened', resourceType: 'competence_round', resourceId: r.id, summary: r.title, changes: { title, opensOn, closesOn } });
      return r;
    };
    const last = await round('Kortlægning sidste år', addDays(previous.start, 45), addDays(previous.start, 75));
    const current = await round('Kortlægning i år', later(year.start, addDays(today, -10)), addDays(today, 30));
    // deterministic levels: departments differ, this year is better than last, two level-0 colleagues in Bygge og Anlæg
    const deptBias = (d: string | null) => (d === bygge ? -1 : 0);
    const level = (p: number, c: number, bump: number) => Math.max(0, Math.min(6, 1 + ((p * 7 + c * 3) % 4) + bump + deptBias(staff[p]?.departmentId ?? null) + (c >= comps.length - 3 ? 1 : 0)));
    const zero = new Set(staff.map((p, i) => (p.departmentId === bygge ? i : -1)).filter((i) => i >= 0).slice(0, 2));
    const submitted = (day: string) => new Date(Math.min(now.getTime(), at(day, 10).getTime()));
    await writeAssessments(tx, schoolId, last.id, frameworkId, staff, (p, c) => level(p, c, 0), (p) => !zero.has(p), submitted(addDays(last.opensOn, 12)));
    await writeAssessments(tx, schoolId, current.id, frameworkId, staff, (p, c) => level(p, c, 1), (p) => !zero.has(p), submitted(later(current.opensOn, addDays(today, -5))));

    const course = async (input: Record<string, unknown>) => {
      const c = await createCourse(tx, kasper.actor, ZCourseInput.parse(input));
      await kasper.audit({ action: 'competence.course_created', resourceType: 'competence_course', resourceId: c.id, summary: c.title, changes: { ...input } });
      if (c.audience.newHires) await syncOnboarding(tx, schoolId, now);
      return c;
    };
    const audienceAll = { allStaff: true };
    const grund = await course({
      title: 'Grundkursus: skolens digitale platforme',
      description: 'Obligatorisk for alle medarbejdere og ledere: Canvas, Teams og deling af materialer.',
      mandatory: true,
      format: 'presence',
      targets: comps.slice(0, 4).map((c) => ({ competenceId: c.id, targetLevel: 3 })),
      audience: audienceAll,
    });
    await course({ title: 'Introforløb for nyansatte', description: 'Retning, Canvas og skolens pædagogiske grundlag på fire korte moduler.', mandatory: true, format: 'online_mini', audience: { newHires: true } });
    const basics = await course({ title: 'Kom godt i gang med it', description: 'Særlig indsats for niveau 0: login, filer og mail, én til én.', format: 'peer_training', audience: { levelZero: true } });
    const video = await course({
      title: 'Video og simulation i faget',
      description: 'Brug video af praksis, VR og simulation i værkstedsundervisningen.',
      format: 'vocational_technology',
      targets: comps.slice(-3).map((c) => ({ competenceId: c.id, targetLevel: 5 })),
      audience: audienceAll,
    });
    await course({
      title: 'Diplommodul: It-didaktisk design',
      description: 'Diplommodul (10 ECTS) i samarbejde med professionshøjskolen.',
      format: 'diploma_module',
      targets: comps.slice(8, 12).map((c) => ({ competenceId: c.id, targetLevel: 5 })),
      audience: audienceAll,
    });

    const session = async (c: Course, input: Record<string, unknown>) => {
      const s = await addSession(tx, kasper.actor, c, ZSessionInput.parse(input));
      await kasper.audit({ action: 'competence.session_created', resourceType: 'competence_session', resourceId: s.id, summary: c.title, changes: { ...input } });
      return s;
    };
    const teams = 'https://teams.example/grundkursus';
    const grundSessions = [
      await session(grund, { startsAt: at(onWeekday(addDays(today, -42)), 7, 30).toISOString(), place: 'Lokale A1.12', capacity: 16 }),
      await session(grund, { startsAt: at(onWeekday(addDays(today, -21)), 12).toISOString(), onlineUrl: teams, capacity: 16 }),
      await session(grund, { startsAt: at(onWeekday(addDays(today, 14)), 7, 30).toISOString(), place: 'Lokale A1.12', capacity: 20 }),
      await session(grund, { startsAt: at(onWeekday(addDays(today, 35)), 12).toISOString(), onlineUrl: teams, capacity: 30 }),
    ] as const;
    const videoSession = await session(video, { startsAt: at(onWeekday(addDays(today, 20)), 12).toISOString(), place: 'Værkstedet, hal B', capacity: 5 });

    /** Enrols a person as they would themselves (or their leader): a seat while there is one, else the waiting list. */
    const signUp = async (w: DemoWriter, c: Course, s: Session | null, personId = w.actor.person.id, source: 'self' | 'leader' = 'self') => {
      const e = await enrol(tx, schoolId, c, personId, s?.id ?? null, source);
      await w.audit({ action: e.status === 'waiting' ? 'competence.waitlisted' : 'competence.enrolled', resourceType: 'competence_enrolment', resourceId: e.id, summary: c.title });
      return e;
    };
    // many colleagues took the mandatory course at one of its two past sessions; a few have signed up for the next, the rest have not yet
    const [first, second, coming] = grundSessions;
    let taken = 0;
    for (let i = 0; i < staff.length; i++) {
      if (i % 5 === 0) {
        if (i < 25) await signUp(as(i), grund, coming);
        continue;
      }
      if (i >= NOT_YET_FROM) continue;
      const past = taken++ < 8 ? first : second;
      const w = as(i);
      const e = await signUp(w, grund, past);
      const held = new Date(past.startsAt.getTime() + RECORDED_AFTER_HOURS * 3_600_000);
      const done = await recordProgress(tx, anne.actor, e, { attended: true, completed: true }, new Date(Math.min(held.getTime(), now.getTime())));
      await anne.audit({ action: 'competence.progress_recorded', resourceType: 'competence_enrolment', resourceId: e.id, changes: { attended: true, completed: true } });
      // some evaluate the course afterwards: enough for the evaluation summary to show its mean
      if (i % 3 !== 1) continue;
      await evaluateEnrolment(tx, w.actor, done, { rating: 3 + ((i * 7) % 3), comment: i % 4 === 1 ? 'Godt at se Canvas og Teams hænge sammen.' : '' });
      await w.audit({ action: 'competence.course_evaluated', resourceType: 'competence_enrolment', resourceId: e.id });
    }
    await signUp(demo.as('laerer@demo.example'), grund, coming);
    // more colleagues want the workshop on video and simulation than it has seats: the last two wait
    for (let i = 1; i <= 7; i++) await signUp(as(i), video, videoSession);
    // the department head signs up his two colleagues at level 0 for the special effort
    for (const i of zero) await signUp(lars, basics, null, as(i).actor.person.id, 'leader');

    // development contracts in Bygge og Anlæg: one agreed by both, one the employee has acknowledged and the leader not yet
    const colleagues = staff.map((p, i) => ({ p, i })).filter(({ p, i }) => p.departmentId === bygge && !zero.has(i));
    const contract = async (i: number, content: Record<string, unknown>) => {
      const created = await createContract(tx, lars.actor, as(i).actor.person.id, ZContractContentInput.parse(content));
      await lars.audit(created.event);
      return created.contract;
    };
    const [agreedWith, draftWith] = colleagues;
    const goal = (c: number, targetLevel: number) => ({ competenceId: comps[c]?.id ?? '', targetLevel });
    if (agreedWith) {
      const c = await contract(agreedWith.i, {
        goals: [goal(comps.length - 2, 4)],
        activities: [
          { kind: 'course', courseId: video.id },
          { kind: 'sidemandsoplaering', description: 'Sidemandsoplæring med Anders om video i værkstedet' },
        ],
        followUps: [onWeekday(addDays(today, 25)), onWeekday(addDays(today, 100))],
      });
      const byLeader = await acknowledgeContract(tx, lars.actor, c);
      await lars.audit(byLeader.event);
      const byEmployee = await acknowledgeContract(tx, as(agreedWith.i).actor, byLeader.contract);
      await as(agreedWith.i).audit(byEmployee.event);
    }
    if (draftWith) {
      const c = await contract(draftWith.i, { goals: [goal(4, 3)], activities: [{ kind: 'other', description: 'Prøver Canvas-quizzer på eget hold' }], followUps: [onWeekday(addDays(today, 40))] });
      const byEmployee = await acknowledgeContract(tx, as(draftWith.i).actor, c);
      await as(draftWith.i).audit(byEmployee.event);
    }
    await demo.flush();
  });
}
