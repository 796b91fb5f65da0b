import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ZDay } from '../../../shared/api/common';
import type { Executor } from '../../db/client';
import { auditEvents } from '../../db/schema/index';

export const ZAuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(60).optional(),
  resourceType: z.string().max(40).optional(),
  actor: z.string().trim().max(200).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export type TAuditQuery = z.output<typeof ZAuditQuery>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the school's audit log, filtered, newest first, and the actions the log holds. */
export async function listAudit(exec: Executor, schoolId: string, q: TAuditQuery) {
  const where: SQL[] = [eq(auditEvents.schoolId, schoolId)];
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.resourceType) where.push(eq(auditEvents.resourceType, q.resourceType));
  if (q.actor) where.push(sql`${auditEvents.actorName} ilike ${`%${escapeLike(q.actor)}%`}`);
  // Days are Copenhagen calendar days (rule 7), as the log shows its times.
  if (q.from) where.push(sql`${auditEvents.at} >= (${q.from}::date)::timestamp at time zone 'Europe/Copenhagen'`);
  if (q.to) where.push(sql`${auditEvents.at} < (${q.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`);
  const rows = await exec
    .select({
      event: {
        id: auditEvents.id,
        at: auditEvents.at,
        actorName: auditEvents.actorName,
        action: auditEvents.action,
        resourceType: auditEvents.resourceType,
        resourceId: auditEvents.resourceId,
        summary: auditEvents.summary,
        changes: auditEvents.changes,
      },
      total: sql<number>`count(*) over()`.mapWith(Number),
    })
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const actions = await exec
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.schoolId, schoolId))
    .orderBy(auditEvents.action);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const [c] = await exec.select({ n: count() }).from(auditEvents).where(and(...where));
    total = c?.n ?? 0;
  }
  return { items: rows.map((r) => r.event), total, page: q.page, pageSize: q.pageSize, actions: actions.map((a) => a.action) };
}
