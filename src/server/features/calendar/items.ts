import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { calendarItems } from '../../db/schema/index';

/**
 * The årshjul's write API for every module. A module owns its items by (source, sourceRef):
 * `upsertCalendarItem` creates or changes one (bumping SEQUENCE when anything visible changed),
 * `cancelCalendarItem` marks it cancelled (kept, so subscribed calendars remove it).
 * Call both inside the module's own transaction.
 */
export type CalendarItemInput = {
  source: string;
  sourceRef: string;
  kind: string;
  title: string;
  description?: string | null;
  startsOn: string;
  endsOn?: string;
  departmentId?: string | null;
  sigtelinjer?: string[];
  link?: string | null;
};

export async function upsertCalendarItem(exec: Executor, schoolId: string, input: CalendarItemInput): Promise<{ id: string; sequence: number }> {
  const values = {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? input.startsOn,
    departmentId: input.departmentId ?? null,
    sigtelinjer: input.sigtelinjer ?? [],
    link: input.link ?? null,
  };
  const [existing] = await exec
    .select()
    .from(calendarItems)
    .where(and(eq(calendarItems.schoolId, schoolId), eq(calendarItems.source, input.source), eq(calendarItems.sourceRef, input.sourceRef)));
  if (!existing) {
    const [row] = await exec
      .insert(calendarItems)
      .values({ schoolId, source: input.source, sourceRef: input.sourceRef, ...values })
      .returning({ id: calendarItems.id, sequence: calendarItems.sequence });
    if (!row) throw new Error('insert returned nothing');
    return row;
  }
  const changed =
    existing.status === 'cancelled' ||
    (Object.keys(values) as (keyof typeof values)[]).some((k) => JSON.stringify(existing[k]) !== JSON.stringify(values[k]));
  if (!changed) return { id: existing.id, sequence: existing.sequence };
  const [row] = await exec
    .update(calendarItems)
    .set({ ...values, status: 'confirmed', sequence: sql`${calendarItems.sequence} + 1`, updatedAt: sql`now()` })
    .where(and(eq(calendarItems.schoolId, schoolId), eq(calendarItems.id, existing.id)))
    .returning({ id: calendarItems.id, sequence: calendarItems.sequence });
  if (!row) throw new Error('update returned nothing');
  return row;
}

export async function cancelCalendarItem(exec: Executor, schoolId: string, source: string, sourceRef: string): Promise<void> {
  await exec
    .update(calendarItems)
    .set({ status: 'cancelled', sequence: sql`${calendarItems.sequence} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(calendarItems.schoolId, schoolId),
        eq(calendarItems.source, source),
        eq(calendarItems.sourceRef, sourceRef),
        eq(calendarItems.status, 'confirmed'),
      ),
    );
}
