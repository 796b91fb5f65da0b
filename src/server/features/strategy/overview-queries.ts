import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZOverview } from '../../../shared/api/strategy';
import type { Executor } from '../../db/client';
import { departments, followups, indicators, initiatives, milestones, people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { todayInCopenhagen } from '../../platform/time';
import { attentionScope } from './policy';
import { effectiveStatus, type EffectiveStatus } from './queries';
import { loadTerms } from './terms';

/* The follow-up views: the leaders' overblik and the overdue follow-ups that concern the actor. */

const STATUSES: EffectiveStatus[] = ['on_track', 'behind', 'at_risk', 'no_data', 'not_reached', 'achieved', 'stopped'];
const emptyCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<EffectiveStatus, number>;

/** Overblik for leaders: status per sigtelinje and department, upcoming milestones, overdue follow-ups, indicators off track. */
export async function overview(exec: Executor, schoolId: string, q: { departmentId?: string }, today = todayInCopenhagen()): Promise<z.output<typeof ZOverview>> {
  const deptFilter = q.departmentId ? eq(initiatives.departmentId, q.departmentId) : undefined;
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 60);
  // Six independent reads, issued together: one wait instead of six.
  const rowsQ = exec
    .select({
      departmentId: initiatives.departmentId,
      sigtelinjer: initiatives.sigtelinjer,
      state: initiatives.state,
      statusOverride: initiatives.statusOverride,
      computedStatus: initiatives.computedStatus,
      n: sql<number>`count(*)::int`,
    })
    .from(initiatives)
    .where(and(eq(initiatives.schoolId, schoolId), deptFilter))
    // one row per distinct combination, counted by the database: a few dozen rows for a thousand initiatives
    .groupBy(initiatives.departmentId, initiatives.sigtelinjer, initiatives.state, initiatives.statusOverride, initiatives.computedStatus);
  const termsQ = loadTerms(exec, schoolId);
  const deptsQ = exec
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.schoolId, schoolId), isNull(departments.archivedAt)))
    .orderBy(asc(departments.name));
  const upcomingQ = exec
    .select({ id: milestones.id, title: milestones.title, dueOn: milestones.dueOn, initiativeId: initiatives.id, initiativeTitle: initiatives.title, departmentId: initiatives.departmentId })
    .from(milestones)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, milestones.schoolId), eq(initiatives.id, milestones.initiativeId)))
    .where(and(eq(milestones.schoolId, schoolId), eq(milestones.done, false), gte(milestones.dueOn, today), lte(milestones.dueOn, horizon.toISOString().slice(0, 10)), deptFilter))
    .orderBy(asc(milestones.dueOn))
    .limit(20);
  const overdueQ = exec
    .select({ id: followups.id, title: followups.title, dueOn: followups.dueOn, initiativeId: initiatives.id, initiativeTitle: initiatives.title, departmentId: initiatives.departmentId, ownerName: people.name })
    .from(followups)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, followups.schoolId), eq(initiatives.id, followups.initiativeId)))
    .leftJoin(people, and(eq(people.schoolId, initiatives.schoolId), eq(people.id, initiatives.ownerId)))
    .where(and(eq(followups.schoolId, schoolId), isNull(followups.heldAt), lt(followups.dueOn, today), eq(initiatives.state, 'active'), deptFilter))
    .orderBy(asc(followups.dueOn))
    .limit(50);
  const offTrackQ = exec
    .select({
      id: indicators.id,
      name: indicators.name,
      unit: indicators.unit,
      status: indicators.status,
      ratio: indicators.ratio,
      latestValue: indicators.latestValue,
      target: indicators.target,
      initiativeId: initiatives.id,
      initiativeTitle: initiatives.title,
    })
    .from(indicators)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, indicators.schoolId), eq(initiatives.id, indicators.initiativeId)))
    .where(and(eq(indicators.schoolId, schoolId), inArray(indicators.status, ['behind', 'at_risk', 'not_reached']), eq(initiatives.state, 'active'), deptFilter))
    .orderBy(asc(indicators.ratio))
    .limit(50);
  const [rows, terms, depts, upcoming, overdue, offTrack] = await Promise.all([rowsQ, termsQ, deptsQ, upcomingQ, overdueQ, offTrackQ]);
  const total = emptyCounts();
  const bySl = new Map(terms.sigtelinje.map((t) => [t.key, emptyCounts()]));
  const byDept = new Map<string, Record<EffectiveStatus, number>>([['central', emptyCounts()], ...depts.map((d) => [d.id, emptyCounts()] as const)]);
  for (const r of rows) {
    const s = effectiveStatus(r);
    total[s] += r.n;
    for (const sl of r.sigtelinjer) {
      const c = bySl.get(sl);
      if (c) c[s] += r.n;
    }
    const c = byDept.get(r.departmentId ?? 'central');
    if (c) c[s] += r.n;
  }
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  return {
    total,
    initiatives: rows.reduce((sum, r) => sum + r.n, 0),
    bySigtelinje: terms.sigtelinje.filter((t) => !t.archived).map((t) => ({ key: t.key, label: t.label, counts: bySl.get(t.key) ?? emptyCounts() })),
    byDepartment: [...byDept.entries()].map(([id, counts]) => ({ id: id === 'central' ? null : id, name: id === 'central' ? null : (deptName.get(id) ?? null), counts })),
    upcomingMilestones: upcoming,
    overdueFollowups: overdue,
    offTrackIndicators: offTrack,
  };
}

/** Overdue follow-ups that concern the actor: as owner, as department head of the initiative's department, or as top management (attentionScope). */
export async function attention(exec: Executor, actor: SchoolActor, today = todayInCopenhagen()) {
  const scope = attentionScope(actor);
  const mine =
    scope === 'all'
      ? undefined
      : or(scope.ownerId ? eq(initiatives.ownerId, scope.ownerId) : sql`false`, scope.departmentId ? eq(initiatives.departmentId, scope.departmentId) : sql`false`);
  return exec
    .select({ id: followups.id, title: followups.title, dueOn: followups.dueOn, initiativeId: initiatives.id, initiativeTitle: initiatives.title })
    .from(followups)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, followups.schoolId), eq(initiatives.id, followups.initiativeId)))
    .where(and(eq(followups.schoolId, actor.school.id), isNull(followups.heldAt), lt(followups.dueOn, today), eq(initiatives.state, 'active'), mine))
    .orderBy(asc(followups.dueOn))
    .limit(50);
}
