import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceCourses, competenceEnrolments, competenceSessions, people, type CourseAudience } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { showAggregate } from '../../platform/anonymity';
import { loadScoped } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import type { ProfileLevels } from './assessments';
import type { Course } from './courses-commands';
import { competenceScope } from './policy';

export const presentCourse = (c: Course) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  mandatory: c.mandatory,
  format: c.format,
  targets: c.targets,
  audience: c.audience,
  archived: c.archivedAt !== null,
});

/** The catalogue: active courses with their sessions, seats taken and waiting, and the actor's own enrolment. */
export async function catalogue(exec: Executor, actor: SchoolActor) {
  const schoolId = actor.school.id;
  const courses = await exec
    .select()
    .from(competenceCourses)
    .where(and(eq(competenceCourses.schoolId, schoolId), isNull(competenceCourses.archivedAt)))
    .orderBy(asc(competenceCourses.title));
  const sessions = await exec.select().from(competenceSessions).where(eq(competenceSessions.schoolId, schoolId)).orderBy(asc(competenceSessions.startsAt));
  const counts = await exec
    .select({ s: competenceEnrolments.sessionId, status: competenceEnrolments.status, n: sql<number>`count(*)::int` })
    .from(competenceEnrolments)
    .where(eq(competenceEnrolments.schoolId, schoolId))
    .groupBy(competenceEnrolments.sessionId, competenceEnrolments.status);
  const mine = await exec
    .select()
    .from(competenceEnrolments)
    .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.personId, actor.person.id)));
  const seats = (sessionId: string, status: string) => counts.find((x) => x.s === sessionId && x.status === status)?.n ?? 0;
  return courses.map((c) => {
    const e = mine.find((x) => x.courseId === c.id && x.status !== 'cancelled');
    return {
      ...presentCourse(c),
      sessions: sessions
        .filter((s) => s.courseId === c.id)
        .map((s) => ({ id: s.id, startsAt: s.startsAt, place: s.place, onlineUrl: s.onlineUrl, capacity: s.capacity, enrolled: seats(s.id, 'enrolled'), waiting: seats(s.id, 'waiting') })),
      myEnrolment: e ? { id: e.id, status: e.status, sessionId: e.sessionId, attended: e.attended, completed: e.completedAt !== null, rating: e.rating, source: e.source } : null,
    };
  });
}

/** Archived courses, newest first. */
export async function archivedCourses(exec: Executor, schoolId: string) {
  const rows = await exec
    .select()
    .from(competenceCourses)
    .where(and(eq(competenceCourses.schoolId, schoolId), isNotNull(competenceCourses.archivedAt)))
    .orderBy(desc(competenceCourses.archivedAt));
  return rows.flatMap((c) => (c.archivedAt ? [{ ...presentCourse(c), archivedAt: c.archivedAt }] : []));
}

/** An enrolment of the actor's school with the department of the person enrolled (for `enrolment:record`). */
export async function enrolmentWithDepartment(exec: Executor, actor: SchoolActor, id: string) {
  const e = await loadScoped(exec, actor, competenceEnrolments, id);
  const [p] = await exec.select({ d: people.departmentId }).from(people).where(and(eq(people.schoolId, actor.school.id), eq(people.id, e.personId)));
  return { e, departmentId: p?.d ?? null };
}

/** Participants and the waiting list of a course, with attendance and completion. */
export async function participants(exec: Executor, actor: SchoolActor, course: Course) {
  const rows = await exec
    .select({ e: competenceEnrolments, name: people.name, departmentId: people.departmentId })
    .from(competenceEnrolments)
    .innerJoin(people, and(eq(people.schoolId, competenceEnrolments.schoolId), eq(people.id, competenceEnrolments.personId)))
    .where(and(eq(competenceEnrolments.schoolId, actor.school.id), eq(competenceEnrolments.courseId, course.id), ne(competenceEnrolments.status, 'cancelled')))
    .orderBy(asc(competenceEnrolments.status), asc(competenceEnrolments.createdAt));
  return rows.map(({ e, name, departmentId }) => ({
    id: e.id,
    personId: e.personId,
    name,
    status: e.status,
    sessionId: e.sessionId,
    source: e.source,
    attended: e.attended,
    completed: e.completedAt !== null,
    abilities: abilitiesOn(actor, ['enrolment:record'], { kind: 'competenceProgress', departmentId }),
  }));
}

/** A course's evaluations: the mean rating from the anonymity threshold, comments from the free-text threshold. */
export async function evaluationSummary(exec: Executor, schoolId: string, course: Course) {
  const rows = await exec
    .select({ rating: competenceEnrolments.rating, comment: competenceEnrolments.comment })
    .from(competenceEnrolments)
    .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.courseId, course.id), sql`${competenceEnrolments.rating} is not null`));
  const n = rows.length;
  // Ratings 1–5 as a histogram: a course everyone rated alike would tell each person's rating.
  const ratings = rows.reduce<number[]>((h, r) => ((h[r.rating ?? 0] = (h[r.rating ?? 0] ?? 0) + 1), h), [0, 0, 0, 0, 0, 0]);
  const shown = showAggregate(n, false, ratings);
  return {
    count: showAggregate(n) ? n : null,
    meanRating: shown ? Math.round((rows.reduce((s, r) => s + (r.rating ?? 0), 0) / n) * 10) / 10 : null,
    comments: showAggregate(n, true) ? rows.flatMap((r) => (r.comment ? [r.comment] : [])).sort() : null,
  };
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

/** Names only (no levels): who has not completed each mandatory course, and onboarding progress, within the actor's scope. */
export async function staffStatus(exec: Executor, actor: SchoolActor) {
  const schoolId = actor.school.id;
  const scope = competenceScope(actor);
  const staffWhere = and(
    eq(people.schoolId, schoolId),
    eq(people.active, true),
    scope === 'school' ? sql`true` : scope.departmentId ? eq(people.departmentId, scope.departmentId) : sql`false`,
    sql`exists (select 1 from person_roles r where r.school_id = ${people.schoolId} and r.person_id = ${people.id} and r.role not in ('student', 'company_supervisor'))`,
  );
  const staff = await exec
    .select({ id: people.id, name: people.name, departmentId: people.departmentId, employmentStart: people.employmentStart })
    .from(people)
    .where(staffWhere)
    .orderBy(asc(sql`lower(${people.name})`));
  const courses = await exec
    .select()
    .from(competenceCourses)
    .where(and(eq(competenceCourses.schoolId, schoolId), isNull(competenceCourses.archivedAt)))
    .orderBy(asc(competenceCourses.title));
  const enrolments = staff.length
    ? await exec
        .select()
        .from(competenceEnrolments)
        .where(
          and(
            eq(competenceEnrolments.schoolId, schoolId),
            inArray(
              competenceEnrolments.personId,
              staff.map((s) => s.id),
            ),
          ),
        )
    : [];
  const inAudience = (a: CourseAudience, p: (typeof staff)[number]) => a.allStaff || (p.departmentId !== null && a.departmentIds.includes(p.departmentId));
  const mandatory = courses
    .filter((c) => c.mandatory)
    .map((c) => {
      const audience = staff.filter((p) => inAudience(c.audience, p));
      const done = (p: { id: string }) => enrolments.some((e) => e.courseId === c.id && e.personId === p.id && e.completedAt !== null);
      return {
        courseId: c.id,
        title: c.title,
        audience: audience.length,
        completed: audience.filter(done).length,
        notCompleted: audience.filter((p) => !done(p)).map((p) => ({ personId: p.id, name: p.name })),
      };
    });
  const onboardingCourses = courses.filter((c) => c.audience.newHires);
  const onboarding = staff
    .map((p) => {
      const es = enrolments.filter((e) => e.personId === p.id && e.source === 'onboarding' && e.status !== 'cancelled');
      return { personId: p.id, name: p.name, employmentStart: p.employmentStart, total: es.length, completed: es.filter((e) => e.completedAt !== null).length };
    })
    .filter((o) => o.total > 0);
  return {
    scope: scope === 'school' ? ('school' as const) : ('department' as const),
    mandatory,
    onboarding,
    onboardingCourses: onboardingCourses.map((c) => ({ id: c.id, title: c.title })),
  };
}
