import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { calendarItems, departments } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { conflict, invalid } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { cancelCalendarItem, upsertCalendarItem } from './items';
import type { ZItemInput, ZItemPatch } from './schemas';

/* Items added by hand in the årshjul (every other source changes its items where they come from). */

/** What an årshjul command takes: the route's transaction, the actor and the route's audit writer. */
export type Writer = { db: Executor; actor: SchoolActor; audit: (entry: AuditEntry) => Promise<void> };
type ItemRow = typeof calendarItems.$inferSelect;

/** The source of items added by hand in the årshjul. */
export const MANUAL = 'calendar';

export async function checkDepartment(db: Executor, actor: SchoolActor, departmentId: string | null | undefined): Promise<void> {
  if (!departmentId) return;
  await loadScoped(db, actor, departments, departmentId).catch(() => {
    throw invalid([{ field: 'departmentId', key: 'validation.unknown_department' }]);
  });
}

/** Adds a dated item (one day, or several up to `endsOn`) for the school or a department. Returns its id. */
export async function addItem({ db, actor, audit }: Writer, body: z.output<typeof ZItemInput>): Promise<string> {
  const endsOn = body.endsOn ?? body.startsOn;
  if (endsOn < body.startsOn) throw invalid([{ field: 'endsOn', key: 'strategy.validation.end_before_start' }]);
  await checkDepartment(db, actor, body.departmentId);
  const item = await upsertCalendarItem(db, actor.school.id, { source: MANUAL, sourceRef: randomUUID(), kind: 'event', ...body, endsOn });
  await audit({ action: 'calendar_item.created', resourceType: 'calendar_item', resourceId: item.id, summary: body.title, changes: { ...body } });
  return item.id;
}

/** Edits or cancels an item that was added by hand; others are changed where they come from (409). */
export async function changeItem({ db, actor, audit }: Writer, item: ItemRow, body: z.output<typeof ZItemPatch>): Promise<void> {
  if (item.source !== MANUAL) throw conflict('calendar_item_managed');
  if (body.cancelled) await cancelCalendarItem(db, actor.school.id, item.source, item.sourceRef);
  else {
    const startsOn = body.startsOn ?? item.startsOn;
    const endsOn = body.endsOn ?? (body.startsOn && item.endsOn < body.startsOn ? body.startsOn : item.endsOn);
    if (endsOn < startsOn) throw invalid([{ field: 'endsOn', key: 'strategy.validation.end_before_start' }]);
    await upsertCalendarItem(db, actor.school.id, {
      source: item.source,
      sourceRef: item.sourceRef,
      kind: item.kind,
      title: body.title ?? item.title,
      description: body.description !== undefined ? body.description : item.description,
      startsOn,
      endsOn,
      departmentId: item.departmentId,
      sigtelinjer: item.sigtelinjer,
    });
  }
  await audit({ action: body.cancelled ? 'calendar_item.cancelled' : 'calendar_item.updated', resourceType: 'calendar_item', resourceId: item.id, summary: item.title, changes: { ...body } });
}
