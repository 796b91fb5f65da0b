import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditEvents, departments, initiatives, libraryItems, networks, people, schools, sessions } from '../../db/schema/index';
import { notFound } from '../../platform/errors';

type SchoolRow = {
  id: string;
  name: string;
  institution_number: string | null;
  archived: boolean;
  people: number;
  departments: number;
  active_accounts: number;
  last_activity: string | null;
  initiatives: number;
  library_items: number;
};

/**
 * Per school of the network: sizes and activity, one statement. Counts are grouped once over the
 * network's schools (sessions have no index by school, so they are read once, not per school);
 * the newest audit event is one index probe per school on `audit_events_at_idx`. Counts only: no
 * person's name, e-mail or id leaves this function.
 */
export async function networkSchoolRows(exec: Executor, networkId: string, schoolId?: string) {
  const only = schoolId ? sql`and s.id = ${schoolId}` : sql``;
  const result = await exec.execute(sql`
    with s as (select id, name, institution_number, archived_at from ${schools} s where s.network_id = ${networkId} ${only}),
    p as (select school_id, count(*)::int as n from ${people} where active and school_id in (select id from s) group by school_id),
    d as (select school_id, count(*)::int as n from ${departments} where archived_at is null and school_id in (select id from s) group by school_id),
    a as (select school_id, count(distinct account_id)::int as n from ${sessions}
          where school_id in (select id from s) and last_seen_at > now() - interval '30 days' group by school_id),
    i as (select school_id, count(*)::int as n from ${initiatives} where state = 'active' and school_id in (select id from s) group by school_id),
    l as (select school_id, count(*)::int as n from ${libraryItems} where status = 'published' and school_id in (select id from s) group by school_id)
    select s.id, s.name, s.institution_number, s.archived_at is not null as archived,
           coalesce(p.n, 0) as people, coalesce(d.n, 0) as departments, coalesce(a.n, 0) as active_accounts,
           coalesce(i.n, 0) as initiatives, coalesce(l.n, 0) as library_items,
           to_char((select max(e.at) from ${auditEvents} e where e.school_id = s.id) at time zone 'Europe/Copenhagen', 'YYYY-MM-DD') as last_activity
    from s
    left join p on p.school_id = s.id left join d on d.school_id = s.id left join a on a.school_id = s.id
    left join i on i.school_id = s.id left join l on l.school_id = s.id
    order by s.archived_at is not null, s.name, s.id`);
  return (result as unknown as { rows: SchoolRow[] }).rows.map((r) => ({
    id: r.id,
    name: r.name,
    institutionNumber: r.institution_number,
    people: Number(r.people),
    departments: Number(r.departments),
    activeAccounts30d: Number(r.active_accounts),
    lastActivity: r.last_activity,
    initiatives: Number(r.initiatives),
    libraryItems: Number(r.library_items),
    archived: r.archived === true,
  }));
}
export type NetworkSchool = Awaited<ReturnType<typeof networkSchoolRows>>[number];

/** One school of the network as the coordinator sees it; 404 for another network's school. */
export async function networkSchool(exec: Executor, networkId: string, schoolId: string): Promise<NetworkSchool> {
  const [row] = await networkSchoolRows(exec, networkId, schoolId);
  if (!row) throw notFound();
  return row;
}

/** The network's schools with their sizes and activity, and the totals over those not archived. */
export async function networkOverview(exec: Executor, networkId: string) {
  const [network] = await exec.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.id, networkId));
  if (!network) throw notFound();
  const rows = await networkSchoolRows(exec, networkId);
  const live = rows.filter((r) => !r.archived);
  const sum = (k: 'people' | 'departments' | 'activeAccounts30d' | 'initiatives' | 'libraryItems') => live.reduce((n, r) => n + r[k], 0);
  const totals = {
    schools: live.length,
    archivedSchools: rows.length - live.length,
    people: sum('people'),
    departments: sum('departments'),
    activeAccounts30d: sum('activeAccounts30d'),
    initiatives: sum('initiatives'),
    libraryItems: sum('libraryItems'),
  };
  return { ...network, totals, schools: rows };
}
