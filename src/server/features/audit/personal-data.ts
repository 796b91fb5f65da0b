import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditEvents, people } from '../../db/schema/index';
import type { ErasureContext, ErasureReport, PersonalDataHooks } from '../../platform/feature';

/** Keys of an event's recorded changes that hold who a person is (a person's details, an ambassador's contact). */
const PERSONAL_KEYS = ['name', 'email', 'jobTitle', 'employmentStart', 'contact'];
const personalKeys = sql`${`{${PERSONAL_KEYS.join(',')}}`}::text[]`;

/** The audit log's events about the person (their record) and by them (as the actor), newest first. */
async function exportAudit(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const [p] = await exec.select({ accountId: people.accountId }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  const about = and(eq(auditEvents.resourceType, 'person'), eq(auditEvents.resourceId, personId));
  const rows = await exec
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.schoolId, schoolId), p?.accountId ? or(about, eq(auditEvents.actorAccountId, p.accountId)) : about))
    .orderBy(desc(auditEvents.at));
  return {
    events: rows.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      by: e.actorName,
      about: e.resourceType === 'person' && e.resourceId === personId,
      summary: e.summary,
    })),
  };
}

/**
 * The audit log keeps every event (docs/PRIVACY.md) but not who the person was: where they acted,
 * the actor's name becomes the former-employee name and the account reference goes; in events
 * about them (their record) and events summarised by their name, the name is replaced and the
 * personal details are taken out of the recorded changes. The erasure's own event names nobody.
 */
async function eraseAudit(tx: Executor, schoolId: string, personId: string, { subject }: ErasureContext): Promise<ErasureReport> {
  const byThem = subject.accountId
    ? await tx
        .update(auditEvents)
        .set({ actorName: subject.formerName, actorAccountId: null })
        .where(and(eq(auditEvents.schoolId, schoolId), eq(auditEvents.actorAccountId, subject.accountId)))
        .returning({ id: auditEvents.id })
    : [];
  const aboutThem = await tx
    .update(auditEvents)
    .set({
      summary: sql`case when ${auditEvents.summary} = ${subject.name} then ${subject.formerName} else ${auditEvents.summary} end`,
      changes: sql`${auditEvents.changes} - ${personalKeys}`,
    })
    .where(
      and(
        eq(auditEvents.schoolId, schoolId),
        or(and(eq(auditEvents.resourceType, 'person'), eq(auditEvents.resourceId, personId)), eq(auditEvents.summary, subject.name)),
      ),
    )
    .returning({ id: auditEvents.id });
  return { anonymised: { eventsByThem: byThem.length, eventsAboutThem: aboutThem.length } };
}

export const auditPersonalData: PersonalDataHooks = { export: exportAudit, erase: eraseAudit };
