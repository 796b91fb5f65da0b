import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { calendarFeeds, departments, people } from '../../db/schema/index';
import type { ErasureContext, ErasureReport, PersonalDataHooks } from '../../platform/feature';

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function accountOf(exec: Executor, schoolId: string, personId: string): Promise<string | null> {
  const [p] = await exec.select({ accountId: people.accountId }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  return p?.accountId ?? null;
}

/**
 * The årshjul's items record no author; the items a person added are found through the audit log's
 * calendar_item.created events by their account. Their calendar subscriptions are theirs.
 */
async function exportCalendar(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const accountId = await accountOf(exec, schoolId, personId);
  if (!accountId) return { itemsCreated: [], subscriptions: [] };
  const items = await rawQuery<{ title: string; starts_on: string; ends_on: string; status: string }>(
    exec,
    sql`select i.title, i.starts_on::text, i.ends_on::text, i.status from calendar_items i
        join audit_events e on e.school_id = i.school_id and e.resource_type = 'calendar_item' and e.action = 'calendar_item.created' and e.resource_id = i.id::text
        where i.school_id = ${schoolId} and e.actor_account_id = ${accountId} order by i.starts_on`,
  );
  const feeds = await exec
    .select({ createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt, department: departments.name })
    .from(calendarFeeds)
    .leftJoin(departments, and(eq(departments.schoolId, calendarFeeds.schoolId), eq(departments.id, calendarFeeds.departmentId)))
    .where(and(eq(calendarFeeds.schoolId, schoolId), eq(calendarFeeds.createdBy, accountId)))
    .orderBy(asc(calendarFeeds.createdAt));
  return {
    itemsCreated: items.map((i) => ({ title: i.title, startsOn: i.starts_on, endsOn: i.ends_on, status: i.status })),
    subscriptions: feeds.map((f) => ({ department: f.department, createdAt: iso(f.createdAt), revokedAt: iso(f.revokedAt) })),
  };
}

/**
 * The årshjul's rules (docs/PRIVACY.md): the items stay (they are the school's plan and name no
 * author); the person's calendar subscriptions are deleted, so their links stop working.
 */
async function eraseCalendar(tx: Executor, schoolId: string, _personId: string, { subject }: ErasureContext): Promise<ErasureReport> {
  if (!subject.accountId) return {};
  const feeds = await tx
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.schoolId, schoolId), eq(calendarFeeds.createdBy, subject.accountId)))
    .returning({ id: calendarFeeds.id });
  return { deleted: { subscriptions: feeds.length } };
}

export const calendarPersonalData: PersonalDataHooks = { export: exportCalendar, erase: eraseCalendar };
