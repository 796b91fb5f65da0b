import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeItem } from '../../platform/feature';
import { can } from '../../platform/policy';
import { hasRole, isStaff } from '../../platform/policy-helpers';
import { dueUrgency, homeItemOf } from '../home/api';
import { competenceScope } from './policy';

/** Course sessions shown this many days ahead; a course attended this many days ago still asks for its evaluation. */
export const SESSIONS_AHEAD_DAYS = 21;
export const EVALUATE_WITHIN_DAYS = 60;
/** A round closing within this many days is due soon; a session within this many days is close. */
const ROUND_SOON_DAYS = 3;
const SESSION_SOON_DAYS = 2;

const item = homeItemOf('competence');

type RoundRow = { id: string; title: string; closes_on: string; kind: string; department_ids: string[] | null; submitted: boolean; answered: number; total: number };

/**
 * Open rounds the person takes part in and has not sent, with how far they got. Who takes part
 * follows `eligibleWhere` (assessments.ts): a student framework's round is for students, any other
 * round for staff, and a round for some departments only for people in them.
 */
async function roundsToAnswer(exec: Executor, actor: SchoolActor, today: string): Promise<HomeItem[]> {
  if (!can(actor, 'competence:self')) return [];
  const rows = await rawQuery<RoundRow>(
    exec,
    sql`
    select r.id, r.title, r.closes_on::text closes_on, f.kind, r.department_ids, coalesce(a.submitted_at is not null, false) submitted,
      (select count(*)::int from competence_answers x where x.school_id = r.school_id and x.assessment_id = a.id) answered,
      (select count(*)::int from competence_items c join competence_items p on p.school_id = c.school_id and p.id = c.parent_id
        where c.school_id = r.school_id and c.framework_id = r.framework_id and p.parent_id is null) total
    from competence_rounds r
    join competence_frameworks f on f.school_id = r.school_id and f.id = r.framework_id
    left join competence_assessments a on a.school_id = r.school_id and a.round_id = r.id and a.person_id = ${actor.person.id}
    where r.school_id = ${actor.school.id} and r.closed_at is null and r.opens_on <= ${today}::date and r.closes_on >= ${today}::date
    order by r.closes_on, r.title`,
  );
  const takesPart = (r: RoundRow) =>
    (r.kind === 'student' ? hasRole(actor, 'student') : isStaff(actor)) && (r.department_ids === null || (actor.person.departmentId !== null && r.department_ids.includes(actor.person.departmentId)));
  return rows
    .filter((r) => !r.submitted && takesPart(r))
    .map((r) =>
      item({
        id: `competence.round:${r.id}`,
        kind: 'competence.round',
        title: r.title,
        progress: { done: Math.min(Number(r.answered), Number(r.total)), total: Number(r.total) },
        dueOn: r.closes_on,
        path: `/kompetencer/selvevaluering/${r.id}`,
        nav: '/kompetencer',
        urgency: dueUrgency(r.closes_on, today, ROUND_SOON_DAYS) === 'soon' ? 'soon' : 'todo',
      }),
    );
}

/** Draft contracts whose current version waits for the person's acknowledgement, as the employee or as the leader. */
async function contractsToAcknowledge(exec: Executor, actor: SchoolActor): Promise<HomeItem[]> {
  if (!can(actor, 'contract:list')) return [];
  const me = actor.person.id;
  const rows = await rawQuery<{ id: string; version: number; other: string }>(
    exec,
    sql`
    select c.id, c.version, case when c.person_id = ${me} then l.name else e.name end other
    from competence_contracts c
    join people e on e.school_id = c.school_id and e.id = c.person_id
    join people l on l.school_id = c.school_id and l.id = c.leader_person_id
    where c.school_id = ${actor.school.id} and c.status = 'draft'
      and ((c.person_id = ${me} and c.employee_ack_at is null) or (c.leader_person_id = ${me} and c.leader_ack_at is null))
    order by c.updated_at desc`,
  );
  return rows.map((r) => item({ id: `competence.contract:${r.id}`, kind: 'competence.contract', title: r.other, path: '/kompetencer/kontrakter', nav: '/kompetencer/kontrakter', urgency: 'todo' }));
}

type EnrolmentRow = { id: string; course: string; starts_at: string | Date | null; place: string | null; evaluate: boolean };

/** Sessions the person is signed up for in the coming weeks, and attended courses they have not evaluated. */
async function sessionsAndEvaluations(exec: Executor, actor: SchoolActor, now: Date): Promise<HomeItem[]> {
  // The catalogue (course:read) is where both are done: without it, neither is shown.
  if (!can(actor, 'course:read')) return [];
  const ahead = new Date(now.getTime() + SESSIONS_AHEAD_DAYS * 86_400_000);
  const since = new Date(now.getTime() - EVALUATE_WITHIN_DAYS * 86_400_000);
  const rows = await rawQuery<EnrolmentRow>(
    exec,
    sql`
    select e.id, c.title course, s.starts_at, s.place,
      (e.attended or e.completed_at is not null) and e.rating is null as evaluate
    from competence_enrolments e
    join competence_courses c on c.school_id = e.school_id and c.id = e.course_id
    left join competence_sessions s on s.school_id = e.school_id and s.id = e.session_id
    where e.school_id = ${actor.school.id} and e.person_id = ${actor.person.id} and e.status <> 'cancelled' and c.archived_at is null
      and (
        (e.status = 'enrolled' and not e.attended and e.completed_at is null and s.starts_at >= ${now.toISOString()}::timestamptz and s.starts_at <= ${ahead.toISOString()}::timestamptz)
        or ((e.attended or e.completed_at is not null) and e.rating is null and coalesce(e.completed_at, s.starts_at, e.created_at) >= ${since.toISOString()}::timestamptz)
      )
    order by s.starts_at nulls last, c.title`,
  );
  const soon = now.getTime() + SESSION_SOON_DAYS * 86_400_000;
  return rows.map((r) => {
    const startsAt = r.starts_at === null ? null : new Date(r.starts_at);
    return r.evaluate
      ? item({ id: `competence.evaluation:${r.id}`, kind: 'competence.evaluation', title: r.course, path: '/kompetencer/forloeb', nav: '/kompetencer/forloeb', urgency: 'todo' })
      : item({
          id: `competence.session:${r.id}`,
          kind: 'competence.session',
          title: r.course,
          detail: r.place,
          startsAt,
          path: '/kompetencer/forloeb',
          nav: null,
          urgency: startsAt !== null && startsAt.getTime() <= soon ? 'soon' : 'info',
        });
  });
}

/**
 * For leaders (competence:staffStatus): how many of the staff in their scope (the whole school, or a
 * department head's department) have not completed a mandatory course meant for them, as one item
 * that leads to the staff status on the competence overview. The audience of a course is the same
 * as in `staffStatus` (courses-queries.ts): all staff, or the departments it names.
 */
async function staffStatusSummary(exec: Executor, actor: SchoolActor): Promise<HomeItem[]> {
  if (!can(actor, 'competence:staffStatus') || !can(actor, 'competence:aggregate')) return [];
  const scope = competenceScope(actor);
  if (scope !== 'school' && !scope.departmentId) return [];
  const inScope = scope === 'school' ? sql`true` : sql`p.department_id = ${scope.departmentId}`;
  const [row] = await rawQuery<{ people: number }>(
    exec,
    sql`
    select count(distinct p.id)::int people
    from competence_courses c
    join people p on p.school_id = c.school_id and p.active and ${inScope}
      and exists (select 1 from person_roles r where r.school_id = p.school_id and r.person_id = p.id and r.role not in ('student', 'company_supervisor'))
      and ((c.audience ->> 'allStaff')::boolean or p.department_id::text in (select jsonb_array_elements_text(c.audience -> 'departmentIds')))
    where c.school_id = ${actor.school.id} and c.mandatory and c.archived_at is null
      and not exists (select 1 from competence_enrolments e where e.school_id = c.school_id and e.course_id = c.id and e.person_id = p.id and e.completed_at is not null)`,
  );
  const people = Number(row?.people ?? 0);
  if (people === 0) return [];
  return [
    item({
      id: 'competence.staffStatus',
      kind: 'competence.staffStatus',
      title: null,
      count: people,
      path: '/kompetencer/overblik',
      nav: null,
      urgency: 'todo',
    }),
  ];
}

/** The competence module's part of "Min side": four reads, issued together. */
export async function competenceHome(exec: Executor, actor: SchoolActor, { now, today }: HomeContext): Promise<HomeItem[]> {
  const [rounds, contracts, courses, status] = await Promise.all([
    roundsToAnswer(exec, actor, today),
    contractsToAcknowledge(exec, actor),
    sessionsAndEvaluations(exec, actor, now),
    staffStatusSummary(exec, actor),
  ]);
  return [...rounds, ...contracts, ...courses, ...status];
}
