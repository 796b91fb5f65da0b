import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { auditEvents, networkAuditEvents } from '../db/schema/index';
import type { Executor } from '../db/client';
import { displayName, type Actor } from './actor';

export type AuditEntry = {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  summary?: string;
  changes?: Record<string, unknown>;
  /**
   * 'day': the event keeps only its Copenhagen calendar day, not the minute. For answers that feed
   * anonymous aggregates, so that the log cannot be laid beside the figures to time one person's
   * answer (docs/ANONYMITY.md).
   */
  precision?: 'day';
  /**
   * The network host's routes (docs/network.md): `networkId` writes the event to that network's own
   * log; `schoolId` writes it to that school's log (a coordinator onboarding or archiving a school,
   * or a sign-in through the school's identity provider before there is an actor). Without either,
   * the actor's school.
   */
  networkId?: string;
  schoolId?: string;
};

const SECRET_KEYS = /password|token|secret|hash/i;

function scrub(changes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!changes) return undefined;
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[skjult]' : v]));
}

type AuditActor = Actor | { system: string; schoolId: string };

/** Writes an audit event in the caller's transaction (rule 6). Secrets never reach the log. */
export async function audit(exec: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  if (entry.networkId) {
    const isSystem = 'system' in actor;
    await exec.insert(networkAuditEvents).values({
      networkId: entry.networkId,
      actorAccountId: isSystem ? null : actor.accountId,
      actorName: isSystem ? actor.system : displayName(actor),
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      summary: entry.summary ?? null,
      changes: scrub(entry.changes) ?? null,
    });
    return;
  }
  const row = auditRow(actor, entry);
  if (row) await exec.insert(auditEvents).values(row);
}

/**
 * The row `audit` writes (null without a school), for a caller that writes many events in one
 * statement (the demo seed); the same scrubbing and precision apply.
 */
export function auditRow(actor: AuditActor, entry: AuditEntry): PgInsertValue<typeof auditEvents> | null {
  const isSystem = 'system' in actor;
  const schoolId = entry.schoolId ?? (isSystem ? actor.schoolId : actor.school?.id);
  if (!schoolId) return null;
  return {
    schoolId,
    actorAccountId: isSystem ? null : actor.accountId,
    actorName: isSystem ? actor.system : displayName(actor),
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    summary: entry.summary ?? null,
    changes: scrub(entry.changes) ?? null,
    ...(entry.precision === 'day' ? { at: sql`date_trunc('day', now() at time zone 'Europe/Copenhagen') at time zone 'Europe/Copenhagen'` } : {}),
  };
}
