import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { followups, milestones, type initiatives } from '../../db/schema/index';
import { cancelCalendarItem, upsertCalendarItem, type CalendarItemInput } from '../calendar/api';
import type { Writer } from './command-kit';
import type { ZFollowupInput, ZFollowupPatch, ZMilestoneInput, ZMilestonePatch } from './schemas';

/* Milestones and follow-up meetings of an initiative; each one is also an item in the årshjul. */

type InitiativeRow = typeof initiatives.$inferSelect;
type MilestoneRow = typeof milestones.$inferSelect;
type FollowupRow = typeof followups.$inferSelect;
const SOURCE = 'strategy';

const datedItem = (kind: 'milestone' | 'followup', i: InitiativeRow, d: { id: string; title: string; dueOn: string }): CalendarItemInput => ({
  source: SOURCE,
  sourceRef: `${kind}:${d.id}`,
  kind,
  title: `${d.title} (${i.title})`,
  description: i.why,
  startsOn: d.dueOn,
  departmentId: i.departmentId,
  sigtelinjer: i.sigtelinjer,
  link: `/strategi/indsatser/${i.id}`,
});

/** The årshjul items of an initiative's milestones and follow-ups carry its title, department and lines: refresh them after an edit. */
export async function syncInitiativeCalendar(tx: Executor, schoolId: string, i: InitiativeRow): Promise<void> {
  const ms = await tx.select().from(milestones).where(and(eq(milestones.schoolId, schoolId), eq(milestones.initiativeId, i.id)));
  for (const m of ms) await upsertCalendarItem(tx, schoolId, datedItem('milestone', i, m));
  const fs = await tx.select().from(followups).where(and(eq(followups.schoolId, schoolId), eq(followups.initiativeId, i.id)));
  for (const f of fs) await upsertCalendarItem(tx, schoolId, datedItem('followup', i, f));
}

export async function addMilestone({ db, actor, audit }: Writer, i: InitiativeRow, input: z.infer<typeof ZMilestoneInput>): Promise<MilestoneRow> {
  const [row] = await db.insert(milestones).values({ schoolId: actor.school.id, initiativeId: i.id, title: input.title, dueOn: input.dueOn }).returning();
  if (!row) throw new Error('insert returned nothing');
  await upsertCalendarItem(db, actor.school.id, datedItem('milestone', i, row));
  await audit({ action: 'milestone.created', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...input } });
  return row;
}

/** Edits, completes or cancels a milestone; a cancelled one is deleted and its årshjul item cancelled (null). */
export async function updateMilestone({ db, actor, audit }: Writer, i: InitiativeRow, m: MilestoneRow, patch: z.infer<typeof ZMilestonePatch>): Promise<MilestoneRow | null> {
  if (patch.cancelled) {
    await db.delete(milestones).where(and(eq(milestones.schoolId, actor.school.id), eq(milestones.id, m.id)));
    await cancelCalendarItem(db, actor.school.id, SOURCE, `milestone:${m.id}`);
    await audit({ action: 'milestone.cancelled', resourceType: 'initiative', resourceId: i.id, summary: m.title });
    return null;
  }
  const { cancelled: _ignored, ...rest } = patch;
  const [row] = await db
    .update(milestones)
    .set(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)))
    .where(and(eq(milestones.schoolId, actor.school.id), eq(milestones.id, m.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await upsertCalendarItem(db, actor.school.id, datedItem('milestone', i, row));
  await audit({ action: 'milestone.updated', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...patch } });
  return row;
}

export async function addFollowup({ db, actor, audit }: Writer, i: InitiativeRow, input: z.infer<typeof ZFollowupInput>): Promise<FollowupRow> {
  const [row] = await db.insert(followups).values({ schoolId: actor.school.id, initiativeId: i.id, title: input.title, dueOn: input.dueOn }).returning();
  if (!row) throw new Error('insert returned nothing');
  await upsertCalendarItem(db, actor.school.id, datedItem('followup', i, row));
  await audit({ action: 'followup.scheduled', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...input } });
  return row;
}

export async function updateFollowup({ db, actor, audit }: Writer, i: InitiativeRow, f: FollowupRow, patch: z.infer<typeof ZFollowupPatch>): Promise<FollowupRow> {
  const set: Partial<typeof followups.$inferInsert> = {};
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.dueOn !== undefined) set.dueOn = patch.dueOn;
  if (patch.held !== undefined) set.heldAt = patch.held ? (f.heldAt ?? new Date()) : null;
  const [row] = await db
    .update(followups)
    .set(set)
    .where(and(eq(followups.schoolId, actor.school.id), eq(followups.id, f.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await upsertCalendarItem(db, actor.school.id, datedItem('followup', i, row));
  await audit({ action: patch.held ? 'followup.held' : 'followup.updated', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...patch } });
  return row;
}
