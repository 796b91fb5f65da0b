import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { competenceCourses, competenceEnrolments, competenceSessions, people, type CourseAudience } from '../../db/schema/index';
import { requireSchool, type SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { showAggregate } from '../../platform/anonymity';
import { AppError, invalid, notFound } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { rowsOf, type ProfileLevels } from './assessments';
import { competencesOf, ensureFramework, getSettings, loadFramework } from './frameworks';

export const COURSE_FORMATS = ['presence', 'online_mini', 'peer_training', 'diploma_module', 'vocational_technology'] as const;
const ZId = z.strictObject({ id: z.string().max(100) });
const ZCourseInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
  mandatory: z.boolean().default(false),
  format: z.enum(COURSE_FORMATS),
  targets: z.array(z.strictObject({ competenceId: z.string().max(100), targetLevel: z.number().int().min(0).max(6) })).max(50).default([]),
  audience: z
    .strictObject({ allStaff: z.boolean().default(false), newHires: z.boolean().default(false), levelZero: z.boolean().default(false), departmentIds: z.array(z.uuid()).max(100).default([]) })
    .default({ allStaff: false, newHires: false, levelZero: false, departmentIds: [] }),
});
const ZCoursePatch = ZCourseInput.partial().extend({ archived: z.boolean().optional() });
const ZSessionInput = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(200).nullable().default(null),
  onlineUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  capacity: z.number().int().min(1).max(10_000),
});
const ZEnrolInput = z.strictObject({ sessionId: z.uuid().nullable().default(null) });
const ZProgress = z.strictObject({ attended: z.boolean().optional(), completed: z.boolean().optional() });
const ZEvaluation = z.strictObject({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).default('') });

type Course = typeof competenceCourses.$inferSelect;

async function checkTargets(exec: Executor, schoolId: string, targets: { competenceId: string }[]) {
  const fw = await loadFramework(exec, schoolId, await ensureFramework(exec, schoolId, 'staff'));
  const known = new Set(fw ? competencesOf(fw).map((c) => c.id) : []);
  const bad = targets.flatMap((t, i) => (known.has(t.competenceId) ? [] : [{ field: `targets.${i}.competenceId`, key: 'competence.validation.unknown_competence' }]));
  if (bad.length) throw invalid(bad);
}

/** Seats taken in a session (enrolled, not waiting or cancelled). */
async function taken(exec: Executor, schoolId: string, sessionId: string): Promise<number> {
  const [r] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(competenceEnrolments)
    .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.sessionId, sessionId), eq(competenceEnrolments.status, 'enrolled')));
  return r?.n ?? 0;
}

/**
 * Enrols a person: a seat when the session has one, otherwise the waiting list (not an error).
 * The session row is locked so that two enrolments cannot both take the last seat.
 */
export async function enrol(tx: Executor, schoolId: string, course: Course, personId: string, sessionId: string | null, source: 'self' | 'onboarding' | 'leader') {
  let status: 'enrolled' | 'waiting' = 'enrolled';
  if (sessionId) {
    const [s] = await tx.execute(sql`select capacity from competence_sessions where school_id = ${schoolId} and id = ${sessionId} and course_id = ${course.id} for update`).then((r) => rowsOf<{ capacity: number }>(r));
    if (!s) throw invalid([{ field: 'sessionId', key: 'competence.validation.unknown_session' }]);
    if ((await taken(tx, schoolId, sessionId)) >= s.capacity) status = 'waiting';
  }
  const [existing] = await tx
    .select()
    .from(competenceEnrolments)
    .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.courseId, course.id), eq(competenceEnrolments.personId, personId)));
  if (existing && existing.status !== 'cancelled') throw new AppError(409, 'already_enrolled');
  const values = { sessionId, status, source, attended: false, completedAt: null, createdAt: new Date() };
  const [row] = existing
    ? await tx.update(competenceEnrolments).set(values).where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.id, existing.id))).returning()
    : await tx.insert(competenceEnrolments).values({ schoolId, courseId: course.id, personId, ...values }).returning();
  if (!row) throw new Error('enrolment failed');
  return row;
}

/** When a seat is freed, the first on the waiting list of that session gets it. */
async function promoteWaiting(tx: Executor, schoolId: string, sessionId: string) {
  const [s] = await tx.select().from(competenceSessions).where(and(eq(competenceSessions.schoolId, schoolId), eq(competenceSessions.id, sessionId)));
  if (!s || (await taken(tx, schoolId, sessionId)) >= s.capacity) return null;
  const [next] = await tx
    .select()
    .from(competenceEnrolments)
    .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.sessionId, sessionId), eq(competenceEnrolments.status, 'waiting')))
    .orderBy(asc(competenceEnrolments.createdAt))
    .limit(1);
  if (!next) return null;
  await tx.update(competenceEnrolments).set({ status: 'enrolled' }).where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.id, next.id)));
  return next.id;
}

/**
 * The onboarding track: people whose employment starts within the school's window (before or
 * after today) are enrolled in every course whose audience includes new hires. Idempotent.
 */
export async function syncOnboarding(tx: Executor, schoolId: string, today = new Date()): Promise<number> {
  const { onboardingWindowDays } = await getSettings(tx, schoolId);
  const courses = (await tx.select().from(competenceCourses).where(and(eq(competenceCourses.schoolId, schoolId), isNull(competenceCourses.archivedAt)))).filter((c) => c.audience.newHires);
  if (!courses.length) return 0;
  const day = today.toISOString().slice(0, 10);
  const hires = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.schoolId, schoolId),
        eq(people.active, true),
        sql`${people.employmentStart} between ${day}::date - ${onboardingWindowDays}::int and ${day}::date + ${onboardingWindowDays}::int`,
      ),
    );
  let added = 0;
  for (const c of courses) {
    const have = new Set(
      (await tx.select({ p: competenceEnrolments.personId }).from(competenceEnrolments).where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.courseId, c.id)))).map((r) => r.p),
    );
    for (const h of hires) {
      if (have.has(h.id)) continue;
      await tx.insert(competenceEnrolments).values({ schoolId, courseId: c.id, personId: h.id, sessionId: null, status: 'enrolled', source: 'onboarding' });
      added++;
    }
  }
  if (added) await audit(tx, { system: 'Introforløb', schoolId }, { action: 'competence.onboarding_assigned', resourceType: 'competence_course', summary: `${added}` });
  return added;
}

/** Courses that close a person's gaps: a target above the person's level, biggest gap first; level-0 courses for level 0. */
export async function suggestionsFor(exec: Executor, schoolId: string, personId: string, latest: ProfileLevels) {
  const courses = await exec.select().from(competenceCourses).where(and(eq(competenceCourses.schoolId, schoolId), isNull(competenceCourses.archivedAt)));
  const mine = new Set(
    (
      await exec
        .select({ c: competenceEnrolments.courseId })
        .from(competenceEnrolments)
        .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.personId, personId), ne(competenceEnrolments.status, 'cancelled')))
    ).map((r) => r.c),
  );
  return courses
    .filter((c) => !mine.has(c.id))
    .map((c) => {
      const gaps = c.targets.map((t) => ({ competenceId: t.competenceId, level: latest.competences[t.competenceId] ?? 0, targetLevel: t.targetLevel })).filter((g) => g.level < g.targetLevel);
      const gap = gaps.reduce((s, g) => s + (g.targetLevel - g.level), 0) + (c.audience.levelZero && !latest.basicPassed ? 10 : 0);
      return { courseId: c.id, title: c.title, mandatory: c.mandatory, format: c.format, gaps, score: gap };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => Number(b.mandatory) - Number(a.mandatory) || b.score - a.score || a.title.localeCompare(b.title, 'da'))
    .slice(0, 5);
}

/** Names only (no levels): who has not completed each mandatory course, and onboarding progress. */
export async function staffStatus(exec: Executor, actor: SchoolActor) {
  const schoolId = actor.school.id;
  await syncOnboarding(exec, schoolId);
  const all = actor.roles.some((r) => r === 'school_admin' || r === 'top_management');
  const dept = actor.person.departmentId;
  const staffWhere = and(
    eq(people.schoolId, schoolId),
    eq(people.active, true),
    all ? sql`true` : dept ? eq(people.departmentId, dept) : sql`false`,
    sql`exists (select 1 from person_roles r where r.school_id = ${people.schoolId} and r.person_id = ${people.id} and r.role not in ('student', 'company_supervisor'))`,
  );
  const staff = await exec.select({ id: people.id, name: people.name, departmentId: people.departmentId, employmentStart: people.employmentStart }).from(people).where(staffWhere).orderBy(asc(sql`lower(${people.name})`));
  const courses = await exec.select().from(competenceCourses).where(and(eq(competenceCourses.schoolId, schoolId), isNull(competenceCourses.archivedAt))).orderBy(asc(competenceCourses.title));
  const enrolments = staff.length
    ? await exec.select().from(competenceEnrolments).where(and(eq(competenceEnrolments.schoolId, schoolId), inArray(competenceEnrolments.personId, staff.map((s) => s.id))))
    : [];
  const inAudience = (a: CourseAudience, p: (typeof staff)[number]) => a.allStaff || (p.departmentId !== null && a.departmentIds.includes(p.departmentId));
  const mandatory = courses
    .filter((c) => c.mandatory)
    .map((c) => {
      const audience = staff.filter((p) => inAudience(c.audience, p));
      const done = (p: { id: string }) => enrolments.some((e) => e.courseId === c.id && e.personId === p.id && e.completedAt !== null);
      return { courseId: c.id, title: c.title, audience: audience.length, completed: audience.filter(done).length, notCompleted: audience.filter((p) => !done(p)).map((p) => ({ personId: p.id, name: p.name })) };
    });
  const onboardingCourses = courses.filter((c) => c.audience.newHires);
  const onboarding = staff
    .map((p) => {
      const es = enrolments.filter((e) => e.personId === p.id && e.source === 'onboarding' && e.status !== 'cancelled');
      return { personId: p.id, name: p.name, employmentStart: p.employmentStart, total: es.length, completed: es.filter((e) => e.completedAt !== null).length };
    })
    .filter((o) => o.total > 0);
  return { scope: all ? 'school' : 'department', mandatory, onboarding, onboardingCourses: onboardingCourses.map((c) => ({ id: c.id, title: c.title })) };
}

const presentCourse = (c: Course) => ({ id: c.id, title: c.title, description: c.description, mandatory: c.mandatory, format: c.format, targets: c.targets, audience: c.audience, archived: c.archivedAt !== null });

export function courseRoutes(app: App): void {
  const db = app.deps.database.db;
  const loadEnrolment = async (actor: SchoolActor, id: string) => loadScoped(db, actor, competenceEnrolments, id);

  app.get('/competence/courses', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: 'The course catalogue with sessions, free seats and my enrolments' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:self');
    const courses = await db.select().from(competenceCourses).where(and(eq(competenceCourses.schoolId, actor.school.id), isNull(competenceCourses.archivedAt))).orderBy(asc(competenceCourses.title));
    const sessions = await db.select().from(competenceSessions).where(eq(competenceSessions.schoolId, actor.school.id)).orderBy(asc(competenceSessions.startsAt));
    const counts = await db
      .select({ s: competenceEnrolments.sessionId, status: competenceEnrolments.status, n: sql<number>`count(*)::int` })
      .from(competenceEnrolments)
      .where(eq(competenceEnrolments.schoolId, actor.school.id))
      .groupBy(competenceEnrolments.sessionId, competenceEnrolments.status);
    const mine = await db.select().from(competenceEnrolments).where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.personId, actor.person.id)));
    return courses.map((c) => ({
      ...presentCourse(c),
      sessions: sessions
        .filter((s) => s.courseId === c.id)
        .map((s) => {
          const enrolled = counts.find((x) => x.s === s.id && x.status === 'enrolled')?.n ?? 0;
          return { id: s.id, startsAt: s.startsAt.toISOString(), place: s.place, onlineUrl: s.onlineUrl, capacity: s.capacity, enrolled, waiting: counts.find((x) => x.s === s.id && x.status === 'waiting')?.n ?? 0 };
        }),
      myEnrolment: ((e) => (e ? { id: e.id, status: e.status, sessionId: e.sessionId, attended: e.attended, completed: e.completedAt !== null, rating: e.rating, source: e.source } : null))(
        mine.find((e) => e.courseId === c.id && e.status !== 'cancelled'),
      ),
    }));
  });

  app.get('/competence/courses/archived', { config: { action: 'course:manage' }, schema: { tags: ['competence'], summary: 'Archived courses, newest first, to restore one to the catalogue' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'course:manage');
    const rows = await db.select().from(competenceCourses).where(and(eq(competenceCourses.schoolId, actor.school.id), isNotNull(competenceCourses.archivedAt))).orderBy(desc(competenceCourses.archivedAt));
    return rows.map((c) => ({ ...presentCourse(c), archivedAt: c.archivedAt?.toISOString() ?? null }));
  });

  app.post('/competence/courses', { config: { action: 'course:manage' }, schema: { tags: ['competence'], summary: 'Create a course (kompetenceforløb)', body: ZCourseInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'course:manage');
    const row = await db.transaction(async (tx) => {
      await checkTargets(tx, actor.school.id, req.body.targets);
      const [c] = await tx.insert(competenceCourses).values({ schoolId: actor.school.id, ...req.body }).returning();
      if (!c) throw new Error('course insert failed');
      await audit(tx, actor, { action: 'competence.course_created', resourceType: 'competence_course', resourceId: c.id, summary: c.title, changes: { ...req.body } });
      if (c.audience.newHires) await syncOnboarding(tx, actor.school.id);
      return c;
    });
    return reply.code(201).send(presentCourse(row));
  });

  app.patch('/competence/courses/:id', { config: { action: 'course:manage' }, schema: { tags: ['competence'], summary: 'Edit or archive a course', params: ZId, body: ZCoursePatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const before = await loadScoped(db, actor, competenceCourses, req.params.id);
    authorize(actor, 'course:manage');
    const { archived, ...rest } = req.body;
    const row = await db.transaction(async (tx) => {
      if (rest.targets) await checkTargets(tx, actor.school.id, rest.targets);
      const set = { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }) };
      const [c] = Object.keys(set).length ? await tx.update(competenceCourses).set(set).where(and(eq(competenceCourses.schoolId, actor.school.id), eq(competenceCourses.id, before.id))).returning() : [before];
      if (!c) throw new Error('course update failed');
      await audit(tx, actor, { action: 'competence.course_updated', resourceType: 'competence_course', resourceId: c.id, summary: c.title, changes: { ...req.body } });
      return c;
    });
    return presentCourse(row);
  });

  app.post('/competence/courses/:id/sessions', { config: { action: 'course:manage' }, schema: { tags: ['competence'], summary: 'Add a session (date, place or online link, capacity)', params: ZId, body: ZSessionInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const course = await loadScoped(db, actor, competenceCourses, req.params.id);
    authorize(actor, 'course:manage');
    if (!req.body.place && !req.body.onlineUrl) throw invalid([{ field: 'place', key: 'competence.validation.place_or_link' }]);
    const row = await db.transaction(async (tx) => {
      const [s] = await tx.insert(competenceSessions).values({ schoolId: actor.school.id, courseId: course.id, ...req.body, startsAt: new Date(req.body.startsAt) }).returning();
      if (!s) throw new Error('session insert failed');
      await audit(tx, actor, { action: 'competence.session_created', resourceType: 'competence_session', resourceId: s.id, summary: course.title, changes: { ...req.body } });
      return s;
    });
    return reply.code(201).send({ id: row.id, startsAt: row.startsAt.toISOString(), place: row.place, onlineUrl: row.onlineUrl, capacity: row.capacity });
  });

  app.post('/competence/courses/:id/enrolments', { config: { action: 'course:enrol' }, schema: { tags: ['competence'], summary: 'Enrol myself: a seat, or the waiting list when the session is full', params: ZId, body: ZEnrolInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const course = await loadScoped(db, actor, competenceCourses, req.params.id);
    authorize(actor, 'course:enrol');
    const row = await db.transaction(async (tx) => {
      const e = await enrol(tx, actor.school.id, course, actor.person.id, req.body.sessionId, 'self');
      await audit(tx, actor, { action: e.status === 'waiting' ? 'competence.waitlisted' : 'competence.enrolled', resourceType: 'competence_enrolment', resourceId: e.id, summary: course.title });
      return e;
    });
    return reply.code(201).send({ id: row.id, status: row.status, sessionId: row.sessionId });
  });

  app.delete('/competence/enrolments/:id', { config: { action: 'enrolment:own' }, schema: { tags: ['competence'], summary: 'Cancel my enrolment; the first on the waiting list gets the seat', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const e = await loadEnrolment(actor, req.params.id);
    authorize(actor, 'enrolment:own', { kind: 'competenceEnrolment', personId: e.personId });
    return db.transaction(async (tx) => {
      await tx.update(competenceEnrolments).set({ status: 'cancelled' }).where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.id, e.id)));
      const promoted = e.sessionId && e.status === 'enrolled' ? await promoteWaiting(tx, actor.school.id, e.sessionId) : null;
      await audit(tx, actor, { action: 'competence.enrolment_cancelled', resourceType: 'competence_enrolment', resourceId: e.id, changes: { promoted } });
      return { id: e.id, status: 'cancelled', promoted };
    });
  });

  app.get('/competence/courses/:id/participants', { config: { action: 'course:manage' }, schema: { tags: ['competence'], summary: 'Participants, waiting list, attendance and completion', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const course = await loadScoped(db, actor, competenceCourses, req.params.id);
    authorize(actor, 'course:manage');
    const rows = await db
      .select({ e: competenceEnrolments, name: people.name })
      .from(competenceEnrolments)
      .innerJoin(people, and(eq(people.schoolId, competenceEnrolments.schoolId), eq(people.id, competenceEnrolments.personId)))
      .where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.courseId, course.id), ne(competenceEnrolments.status, 'cancelled')))
      .orderBy(asc(competenceEnrolments.status), asc(competenceEnrolments.createdAt));
    return rows.map(({ e, name }) => ({ id: e.id, personId: e.personId, name, status: e.status, sessionId: e.sessionId, source: e.source, attended: e.attended, completed: e.completedAt !== null }));
  });

  app.patch('/competence/enrolments/:id', { config: { action: 'course:manage' }, schema: { tags: ['competence'], summary: 'Record attendance and completion', params: ZId, body: ZProgress } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const e = await loadEnrolment(actor, req.params.id);
    authorize(actor, 'course:manage');
    if (e.status !== 'enrolled') throw invalid([{ field: 'status', key: 'competence.validation.not_enrolled' }]);
    return db.transaction(async (tx) => {
      const set: Partial<typeof competenceEnrolments.$inferInsert> = {};
      if (req.body.attended !== undefined) set.attended = req.body.attended;
      if (req.body.completed !== undefined) set.completedAt = req.body.completed ? (e.completedAt ?? new Date()) : null;
      const [row] = Object.keys(set).length ? await tx.update(competenceEnrolments).set(set).where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.id, e.id))).returning() : [e];
      if (!row) throw notFound();
      await audit(tx, actor, { action: 'competence.progress_recorded', resourceType: 'competence_enrolment', resourceId: e.id, changes: { ...req.body } });
      return { id: row.id, attended: row.attended, completed: row.completedAt !== null };
    });
  });

  app.post('/competence/enrolments/:id/evaluation', { config: { action: 'enrolment:own' }, schema: { tags: ['competence'], summary: 'A short evaluation of a course I took', params: ZId, body: ZEvaluation } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const e = await loadEnrolment(actor, req.params.id);
    authorize(actor, 'enrolment:own', { kind: 'competenceEnrolment', personId: e.personId });
    if (!e.attended && !e.completedAt) throw invalid([{ field: 'rating', key: 'competence.validation.not_attended' }]);
    return db.transaction(async (tx) => {
      await tx.update(competenceEnrolments).set({ rating: req.body.rating, comment: req.body.comment || null }).where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.id, e.id)));
      await audit(tx, actor, { action: 'competence.course_evaluated', resourceType: 'competence_enrolment', resourceId: e.id });
      return { id: e.id, rating: req.body.rating };
    });
  });

  app.get('/competence/courses/:id/evaluation', { config: { action: 'competence:aggregate' }, schema: { tags: ['competence'], summary: 'Evaluation summary: mean rating from 5, comments from 10 evaluations', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const course = await loadScoped(db, actor, competenceCourses, req.params.id);
    authorize(actor, 'competence:aggregate');
    const rows = await db
      .select({ rating: competenceEnrolments.rating, comment: competenceEnrolments.comment })
      .from(competenceEnrolments)
      .where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.courseId, course.id), sql`${competenceEnrolments.rating} is not null`));
    const n = rows.length;
    return {
      count: showAggregate(n) ? n : null,
      meanRating: showAggregate(n) ? Math.round((rows.reduce((s, r) => s + (r.rating ?? 0), 0) / n) * 10) / 10 : null,
      comments: showAggregate(n, true) ? rows.flatMap((r) => (r.comment ? [r.comment] : [])).sort() : null,
    };
  });
}
