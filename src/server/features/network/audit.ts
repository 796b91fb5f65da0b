import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZNetworkAuditQuery } from '../../../shared/api/network';
import type { Executor } from '../../db/client';
import { networkAuditEvents } from '../../db/schema/index';

/** One page of the network's own log, newest first (`network_audit_events_at_idx`), and the actions it holds. */
export async function listNetworkAudit(exec: Executor, networkId: string, q: z.output<typeof ZNetworkAuditQuery>) {
  const where: SQL[] = [eq(networkAuditEvents.networkId, networkId)];
  if (q.action) where.push(eq(networkAuditEvents.action, q.action));
  const items = await exec
      .select({
        id: networkAuditEvents.id,
        at: networkAuditEvents.at,
        actorName: networkAuditEvents.actorName,
        action: networkAuditEvents.action,
        resourceType: networkAuditEvents.resourceType,
        resourceId: networkAuditEvents.resourceId,
        summary: networkAuditEvents.summary,
        changes: networkAuditEvents.changes,
      })
      .from(networkAuditEvents)
      .where(and(...where))
      .orderBy(desc(networkAuditEvents.at), desc(networkAuditEvents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
  const [total] = await exec.select({ n: count() }).from(networkAuditEvents).where(and(...where));
  const actions = await exec
      .selectDistinct({ action: networkAuditEvents.action })
      .from(networkAuditEvents)
      .where(eq(networkAuditEvents.networkId, networkId))
      .orderBy(networkAuditEvents.action);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize, actions: actions.map((a) => a.action) };
}
