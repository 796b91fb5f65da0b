import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZCourseInput, ZCoursePatch, ZSessionInput } from '../../../shared/api/competence';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { competenceCourses, competenceEnrolments, competenceSessions, people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { AppError, invalid, notFound } from '../../platform/errors';
import { copenhagenDay } from '../../platform/time';
import { competencesOf, ensureFramework, getSettings, loadFramework } from './frameworks';

export type Course = typeof competenceCourses.$inferSelect;
export type Enrolment = typeof competenceEnrolments.$inferSelect;

async function checkTargets(exec: Executor, schoolId: string, targets: { competenceId: string }[]) {
  if (!targets.length) return;
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
export async function enrol(tx: Executor, schoolId: string, course: Course, personId: string, sessionId: string | null, source: 'self' | 'onboarding' | 'leader'): Promise<Enrolment> {
  let capacity: number | null = null;
  if (sessionId) {
    const [s] = await rawQuery<{ capacity: number }>(tx, sql`select capacity from competence_sessions where school_id = ${schoolId} and id = ${sessionId} and course_id = ${course.id} for update`);
    if (!s) throw invalid([{ field: 'sessionId', key: 'competence.validation.unknown_session' }]);
    capacity = s.capacity;
  }
  // after the lock, in a statement of its own (a fresh snapshot sees seats taken just before): the seats taken and the person's earlier enrolment
  const [found] = await rawQuery<{ taken: number; id: string | null; status: string | null }>(
    tx,
    sql`select ${sessionId ? sql`(select count(*) from competence_enrolments where school_id = ${schoolId} and session_id = ${sessionId} and status = 'enrolled')` : sql`0`}::int taken, e.id, e.status
        from (select 1) one left join competence_enrolments e on e.school_id = ${schoolId} and e.course_id = ${course.id} and e.person_id = ${personId}`,
  );
  const existing = found?.id ? { id: found.id, status: found.status } : null;
  if (existing && existing.status !== 'cancelled') throw new AppError(409, 'already_enrolled');
  const status: 'enrolled' | 'waiting' = capacity !== null && (found?.taken ?? 0) >= capacity ? 'waiting' : 'enrolled';
  const values = { sessionId, status, source, attended: false, completedAt: null, createdAt: new Date() };
  const [row] = existing
    ? await tx.update(competenceEnrolments).set(values).where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.id, existing.id))).returning()
    : await tx.insert(competenceEnrolments).values({ schoolId, courseId: course.id, personId, ...values }).returning();
  if (!row) throw new Error('enrolment failed');
  return row;
}

/** When a seat is freed, the first on the waiting list of that session gets it. */
async function promoteWaiting(tx: Executor, schoolId: string, sessionId: string): Promise<string | null> {
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
 * after today in Copenhagen) are enrolled in every course whose audience includes new hires.
 * Idempotent; the assignments are audited as the system's.
 */
export async function syncOnboarding(tx: Executor, schoolId: string, today = new Date()): Promise<number> {
  const { onboardingWindowDays } = await getSettings(tx, schoolId);
  const courses = (await tx.select().from(competenceCourses).where(and(eq(competenceCourses.schoolId, schoolId), isNull(competenceCourses.archivedAt)))).filter((c) => c.audience.newHires);
  if (!courses.length) return 0;
  const day = copenhagenDay(today);
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

export async function createCourse(tx: Executor, actor: SchoolActor, input: z.output<typeof ZCourseInput>): Promise<Course> {
  await checkTargets(tx, actor.school.id, input.targets);
  const [c] = await tx
    .insert(competenceCourses)
    .values({ schoolId: actor.school.id, ...input })
    .returning();
  if (!c) throw new Error('course insert failed');
  return c;
}

export async function updateCourse(tx: Executor, actor: SchoolActor, before: Course, input: z.output<typeof ZCoursePatch>): Promise<Course> {
  const { archived, ...rest } = input;
  if (rest.targets) await checkTargets(tx, actor.school.id, rest.targets);
  const set = { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }) };
  const [c] = Object.keys(set).length
    ? await tx
        .update(competenceCourses)
        .set(set)
        .where(and(eq(competenceCourses.schoolId, actor.school.id), eq(competenceCourses.id, before.id)))
        .returning()
    : [before];
  if (!c) throw new Error('course update failed');
  return c;
}

export async function addSession(tx: Executor, actor: SchoolActor, course: Course, input: z.output<typeof ZSessionInput>) {
  if (!input.place && !input.onlineUrl) throw invalid([{ field: 'place', key: 'competence.validation.place_or_link' }]);
  const [s] = await tx
    .insert(competenceSessions)
    .values({ schoolId: actor.school.id, courseId: course.id, ...input, startsAt: new Date(input.startsAt) })
    .returning();
  if (!s) throw new Error('session insert failed');
  return s;
}

/** Cancels an enrolment; when it held a seat, the first on the session's waiting list gets it. */
export async function cancelEnrolment(tx: Executor, actor: SchoolActor, e: Enrolment): Promise<{ promoted: string | null }> {
  await tx
    .update(competenceEnrolments)
    .set({ status: 'cancelled' })
    .where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.id, e.id)));
  return { promoted: e.sessionId && e.status === 'enrolled' ? await promoteWaiting(tx, actor.school.id, e.sessionId) : null };
}

export async function recordProgress(
  tx: Executor,
  actor: SchoolActor,
  e: Enrolment,
  input: { attended?: boolean | undefined; completed?: boolean | undefined },
  now = new Date(),
): Promise<Enrolment> {
  if (e.status !== 'enrolled') throw invalid([{ field: 'status', key: 'competence.validation.not_enrolled' }]);
  // attendance and completion of a session are facts only once it has begun (taking them back is always allowed)
  if (e.sessionId && (input.attended || input.completed)) {
    const [s] = await tx
      .select({ startsAt: competenceSessions.startsAt })
      .from(competenceSessions)
      .where(and(eq(competenceSessions.schoolId, actor.school.id), eq(competenceSessions.id, e.sessionId)));
    if (s && s.startsAt > now) throw invalid([{ field: input.completed ? 'completed' : 'attended', key: 'competence.validation.session_not_held' }]);
  }
  const set: Partial<typeof competenceEnrolments.$inferInsert> = {};
  if (input.attended !== undefined) set.attended = input.attended;
  if (input.completed !== undefined) set.completedAt = input.completed ? (e.completedAt ?? now) : null;
  const [row] = Object.keys(set).length
    ? await tx
        .update(competenceEnrolments)
        .set(set)
        .where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.id, e.id)))
        .returning()
    : [e];
  if (!row) throw notFound();
  return row;
}

/** A short evaluation of a course the person attended or completed. */
export async function evaluateEnrolment(tx: Executor, actor: SchoolActor, e: Enrolment, input: { rating: number; comment: string }): Promise<void> {
  if (!e.attended && !e.completedAt) throw invalid([{ field: 'rating', key: 'competence.validation.not_attended' }]);
  await tx
    .update(competenceEnrolments)
    .set({ rating: input.rating, comment: input.comment || null })
    .where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.id, e.id)));
}
