import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeItem } from '../../platform/feature';
import { can } from '../../platform/policy';
import { addDays, dueUrgency, homeItemOf, SOON_DAYS } from '../home/api';
import { attentionScope } from './policy';

/** Follow-ups are shown this many days ahead of their date (and for as long as they are overdue). */
export const FOLLOWUPS_AHEAD_DAYS = 14;
/** An initiative under way asks its owner and collaborators for a check-in when it has had none for this many days. */
export const CHECKIN_EVERY_DAYS = 30;

const item = homeItemOf('strategy');

/** Active initiatives the person owns or works on (the ones `initiative:checkin` lets them follow up). */
const ownsOrWorksOn = (me: string) =>
  sql`(i.owner_id = ${me} or exists (select 1 from initiative_collaborators c where c.school_id = i.school_id and c.initiative_id = i.id and c.person_id = ${me}))`;

/** Follow-up meetings not held on the person's initiatives: overdue, or due within FOLLOWUPS_AHEAD_DAYS. */
async function ownFollowups(exec: Executor, actor: SchoolActor, today: string): Promise<HomeItem[]> {
  const rows = await rawQuery<{ id: string; title: string; due_on: string; initiative_id: string; initiative: string }>(
    exec,
    sql`select f.id, f.title, f.due_on::text due_on, i.id initiative_id, i.title initiative
      from followups f join initiatives i on i.school_id = f.school_id and i.id = f.initiative_id
      where f.school_id = ${actor.school.id} and f.held_at is null and i.state = 'active'
        and f.due_on <= ${addDays(today, FOLLOWUPS_AHEAD_DAYS)}::date and ${ownsOrWorksOn(actor.person.id)}
      order by f.due_on, f.title`,
  );
  return rows.map((r) =>
    item({
      id: `strategy.followup:${r.id}`,
      kind: 'strategy.followup',
      title: r.title,
      detail: r.initiative,
      dueOn: r.due_on,
      path: `/strategi/indsatser/${r.initiative_id}`,
      nav: '/strategi',
      urgency: dueUrgency(r.due_on, today),
    }),
  );
}

/** The person's initiatives under way whose last check-in (or start) is CHECKIN_EVERY_DAYS old within the coming week. */
async function checkinsDue(exec: Executor, actor: SchoolActor, today: string): Promise<HomeItem[]> {
  const rows = await rawQuery<{ id: string; title: string; due_on: string }>(
    exec,
    sql`select id, title, due_on::text due_on from (
        select i.id, i.title,
          (coalesce((select max(k.held_on) from checkins k where k.school_id = i.school_id and k.initiative_id = i.id), i.starts_on) + ${CHECKIN_EVERY_DAYS}::int) due_on
        from initiatives i
        where i.school_id = ${actor.school.id} and i.state = 'active' and i.starts_on <= ${today}::date and i.ends_on >= ${today}::date
          and ${ownsOrWorksOn(actor.person.id)}) d
      where due_on <= ${addDays(today, SOON_DAYS)}::date
      order by due_on, title`,
  );
  return rows.map((r) =>
    item({ id: `strategy.checkin:${r.id}`, kind: 'strategy.checkin', title: r.title, dueOn: r.due_on, path: `/strategi/indsatser/${r.id}`, nav: '/strategi', urgency: dueUrgency(r.due_on, today) }),
  );
}

/**
 * For leaders: the overdue follow-ups in their scope (attentionScope: top management the whole
 * school, a department head his department's initiatives), as one item leading to the leaders'
 * overblik, where each is listed.
 */
async function overdueInScope(exec: Executor, actor: SchoolActor, today: string): Promise<HomeItem[]> {
  if (!can(actor, 'strategy:overview')) return [];
  const scope = attentionScope(actor);
  if (scope !== 'all' && !scope.departmentId) return [];
  const inScope = scope === 'all' ? sql`true` : sql`i.department_id = ${scope.departmentId}`;
  const [row] = await rawQuery<{ n: number; first: string | null }>(
    exec,
    sql`select count(*)::int n, min(f.due_on)::text first
      from followups f join initiatives i on i.school_id = f.school_id and i.id = f.initiative_id
      where f.school_id = ${actor.school.id} and f.held_at is null and f.due_on < ${today}::date and i.state = 'active' and ${inScope}`,
  );
  const n = Number(row?.n ?? 0);
  if (n === 0) return [];
  return [item({ id: 'strategy.overdue', kind: 'strategy.overdue', title: null, count: n, dueOn: row?.first ?? null, path: '/strategi/overblik', nav: '/strategi/overblik', urgency: 'overdue' })];
}

/** The strategy module's part of "Min side": three reads, issued together; the strategy is for staff. */
export async function strategyHome(exec: Executor, actor: SchoolActor, { today }: HomeContext): Promise<HomeItem[]> {
  if (!can(actor, 'strategy:read')) return [];
  const [followups, checkins, overdue] = await Promise.all([ownFollowups(exec, actor, today), checkinsDue(exec, actor, today), overdueInScope(exec, actor, today)]);
  return [...overdue, ...followups, ...checkins];
}
