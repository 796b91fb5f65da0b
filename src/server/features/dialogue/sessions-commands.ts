import { randomInt } from 'node:crypto';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZDialogueItemsInput, ZDialogueOpenInput, ZDialogueSessionInput, ZDialogueSessionPatch } from '../../../shared/api/dialogue';
import type { Executor } from '../../db/client';
import { departments, dialogueItems, dialogueSessions, teams, type DialogueAudience } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { AppError, conflict, invalid, type FieldError } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { itemsOf, type ItemRow, type SessionRow } from './sessions-queries';
import { schoolPairs } from './templates-queries';

/* Writes of sessions: drafts (title, mode, items), copy as template, open, delete. Live control is in live-commands.ts. */

type ItemChoice = z.output<typeof ZDialogueItemsInput>['items'][number];

/** The letters of a join code: A–Z without I, L and O, which are read as 1 and 0. */
export const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

export const assertDraft = (s: SessionRow) => {
  if (s.status !== 'draft') throw conflict('dialogue_not_draft');
};

async function checkDepartment(exec: Executor, schoolId: string, id: string | null, field: string) {
  if (id === null) return;
  const ok = isUuid(id) && (await exec.select({ id: departments.id }).from(departments).where(and(eq(departments.schoolId, schoolId), eq(departments.id, id)))).length > 0;
  if (!ok) throw invalid([{ field, key: 'validation.unknown_department' }]);
}

/** Refuses an audience naming departments or teams the school does not have. */
async function checkAudience(exec: Executor, schoolId: string, a: DialogueAudience) {
  const fields: FieldError[] = [];
  const deps = a.departmentIds.filter(isUuid);
  const tms = a.teamIds.filter(isUuid);
  const [d, t] = await Promise.all([
    deps.length ? exec.select({ id: departments.id }).from(departments).where(and(eq(departments.schoolId, schoolId), inArray(departments.id, deps))) : [],
    tms.length ? exec.select({ id: teams.id }).from(teams).where(and(eq(teams.schoolId, schoolId), inArray(teams.id, tms))) : [],
  ]);
  if (d.length !== new Set(a.departmentIds).size) fields.push({ field: 'audience.departmentIds', key: 'validation.unknown_department' });
  if (t.length !== new Set(a.teamIds).size) fields.push({ field: 'audience.teamIds', key: 'validation.unknown_team' });
  if (fields.length) throw invalid(fields);
}

/**
 * Writes a session's items in the order given: an item with an id keeps its frozen wording (its
 * boundary and position may change), one without is frozen now from the school's current wording.
 */
async function writeItems(tx: Executor, schoolId: string, sessionId: string, choices: ItemChoice[], existing: ItemRow[]) {
  const pairs = new Map((await schoolPairs(tx, schoolId)).map((p) => [p.key, p]));
  const byId = new Map(existing.map((i) => [i.id, i]));
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  choices.forEach((c, n) => {
    const known = c.id !== undefined ? byId.get(c.id) : undefined;
    if (c.id !== undefined && !known) fields.push({ field: `items.${n}.id`, key: 'validation.dialogue_item_unknown' });
    const pairKey = known?.pairKey ?? c.pairKey;
    if (!known && !pairs.has(pairKey)) fields.push({ field: `items.${n}.pairKey`, key: 'validation.dialogue_pair_unknown' });
    if (seen.has(pairKey)) fields.push({ field: `items.${n}.pairKey`, key: 'validation.dialogue_pair_twice' });
    seen.add(pairKey);
  });
  if (fields.length) throw invalid(fields);
  const keep = choices.flatMap((c) => (c.id !== undefined ? [c.id] : []));
  await tx
    .delete(dialogueItems)
    .where(and(eq(dialogueItems.schoolId, schoolId), eq(dialogueItems.sessionId, sessionId), keep.length ? notInArray(dialogueItems.id, keep) : sql`true`));
  for (const [position, c] of choices.entries()) {
    if (c.id !== undefined) {
      await tx.update(dialogueItems).set({ position, boundary: c.boundary }).where(and(eq(dialogueItems.schoolId, schoolId), eq(dialogueItems.id, c.id)));
      continue;
    }
    const p = pairs.get(c.pairKey);
    if (!p) continue;
    await tx
      .insert(dialogueItems)
      .values({ schoolId, sessionId, pairKey: p.key, leftDa: p.left.da, leftEn: p.left.en, rightDa: p.right.da, rightEn: p.right.en, boundary: c.boundary, position });
  }
}

/** Every change a viewer could see moves the session's version. */
const bump = () => ({ version: sql`${dialogueSessions.version} + 1`, updatedAt: new Date() });

/** A department head's session is for his own department unless he names it. */
const departmentFor = (actor: SchoolActor, departmentId: string | null) =>
  departmentId ?? (actor.roles.includes('top_management') || actor.roles.includes('internal_consultant') ? null : actor.person.departmentId);

export async function createSession(tx: Executor, actor: SchoolActor, input: z.output<typeof ZDialogueSessionInput>): Promise<SessionRow> {
  const schoolId = actor.school.id;
  const departmentId = departmentFor(actor, input.departmentId);
  await checkDepartment(tx, schoolId, departmentId, 'departmentId');
  const [s] = await tx.insert(dialogueSessions).values({ schoolId, title: input.title, mode: input.mode, departmentId, createdBy: actor.person.id }).returning();
  if (!s) throw new Error('insert returned no row');
  await writeItems(tx, schoolId, s.id, input.items, []);
  return s;
}

export async function patchSession(tx: Executor, actor: SchoolActor, s: SessionRow, patch: z.output<typeof ZDialogueSessionPatch>) {
  assertDraft(s);
  if (patch.departmentId !== undefined && patch.departmentId !== s.departmentId) {
    await checkDepartment(tx, s.schoolId, patch.departmentId, 'departmentId');
    authorize(actor, 'dialogueSession:create', { kind: 'dialogueNewSession', departmentId: patch.departmentId });
  }
  if (patch.audience) await checkAudience(tx, s.schoolId, patch.audience);
  const opensOn = patch.opensOn !== undefined ? patch.opensOn : s.opensOn;
  const closesOn = patch.closesOn !== undefined ? patch.closesOn : s.closesOn;
  if (opensOn && closesOn && closesOn < opensOn) throw invalid([{ field: 'closesOn', key: 'validation.dialogue_dates' }]);
  await tx
    .update(dialogueSessions)
    .set({ ...patch, ...bump() })
    .where(and(eq(dialogueSessions.schoolId, s.schoolId), eq(dialogueSessions.id, s.id)));
}

export async function putItems(tx: Executor, s: SessionRow, input: z.output<typeof ZDialogueItemsInput>) {
  assertDraft(s);
  await writeItems(tx, s.schoolId, s.id, input.items, await itemsOf(tx, s.schoolId, s.id));
  await tx.update(dialogueSessions).set(bump()).where(and(eq(dialogueSessions.schoolId, s.schoolId), eq(dialogueSessions.id, s.id)));
}

/** "Brug som skabelon": a new draft with the same items, their wording and boundary tags as the session froze them. */
export async function copySession(tx: Executor, actor: SchoolActor, s: SessionRow, title: string | undefined): Promise<SessionRow> {
  const [copy] = await tx
    .insert(dialogueSessions)
    .values({
      schoolId: s.schoolId,
      title: title ?? s.title,
      mode: s.mode,
      departmentId: s.departmentId,
      audience: s.audience,
      resultsMode: s.resultsMode,
      createdBy: actor.person.id,
    })
    .returning();
  if (!copy) throw new Error('insert returned no row');
  const items = await itemsOf(tx, s.schoolId, s.id);
  if (items.length) {
    await tx.insert(dialogueItems).values(
      items.map((i) => ({ schoolId: s.schoolId, sessionId: copy.id, pairKey: i.pairKey, leftDa: i.leftDa, leftEn: i.leftEn, rightDa: i.rightDa, rightEn: i.rightEn, boundary: i.boundary, position: i.position })),
    );
  }
  return copy;
}

/** A code no open session has: six letters drawn uniformly (23^6 ≈ 148 million codes). */
async function freeCode(tx: Executor): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');
    const taken = await tx
      .select({ id: dialogueSessions.id })
      .from(dialogueSessions)
      .where(and(eq(dialogueSessions.code, code), eq(dialogueSessions.status, 'open')))
      .limit(1);
    if (taken.length === 0) return code;
  }
  throw new AppError(503, 'dialogue_no_code');
}

/**
 * Opens a draft. Live: a join code, joining open, and the first item current and open.
 * Asynchronous: its audience and dates (from the input or set before), every item open.
 */
export async function openSession(tx: Executor, s: SessionRow, input: z.output<typeof ZDialogueOpenInput>): Promise<void> {
  assertDraft(s);
  const items = await itemsOf(tx, s.schoolId, s.id);
  if (items.length === 0) throw invalid([{ field: 'items', key: 'validation.dialogue_no_items' }]);
  const where = and(eq(dialogueSessions.schoolId, s.schoolId), eq(dialogueSessions.id, s.id));
  const itemsWhere = and(eq(dialogueItems.schoolId, s.schoolId), eq(dialogueItems.sessionId, s.id));
  if (s.mode === 'live') {
    const first = items[0] as ItemRow;
    await tx.update(dialogueSessions).set({ status: 'open', code: await freeCode(tx), joinOpen: true, currentItemId: first.id, openedAt: new Date(), ...bump() }).where(where);
    await tx.update(dialogueItems).set({ state: 'open' }).where(and(itemsWhere, eq(dialogueItems.id, first.id)));
    return;
  }
  const audience = input.audience ?? s.audience;
  const opensOn = input.opensOn ?? s.opensOn;
  const closesOn = input.closesOn ?? s.closesOn;
  const fields: FieldError[] = [];
  if (!audience || audience.roles.length + audience.departmentIds.length + audience.teamIds.length === 0) fields.push({ field: 'audience', key: 'validation.dialogue_audience' });
  if (!opensOn) fields.push({ field: 'opensOn', key: 'validation.required' });
  if (!closesOn) fields.push({ field: 'closesOn', key: 'validation.required' });
  if (opensOn && closesOn && closesOn < opensOn) fields.push({ field: 'closesOn', key: 'validation.dialogue_dates' });
  if (fields.length) throw invalid(fields);
  if (input.audience) await checkAudience(tx, s.schoolId, input.audience);
  await tx
    .update(dialogueSessions)
    .set({ status: 'open', audience, opensOn, closesOn, resultsMode: input.resultsMode ?? s.resultsMode, openedAt: new Date(), ...bump() })
    .where(where);
  await tx.update(dialogueItems).set({ state: 'open' }).where(itemsWhere);
}

/** Only a draft is deleted; a session that ran is kept for its results. */
export async function deleteDraft(tx: Executor, s: SessionRow) {
  assertDraft(s);
  await tx.delete(dialogueSessions).where(and(eq(dialogueSessions.schoolId, s.schoolId), eq(dialogueSessions.id, s.id)));
}
