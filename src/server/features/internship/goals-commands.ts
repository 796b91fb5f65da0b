import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TGoalImportResult, ZGoalInput, ZGoalPatch, ZGoalStatusInput } from '../../../shared/api/internship';
import { INTERNSHIP_LIMITS } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { goalStatuses, goalStatusHistory, internshipGoals } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { conflict, invalid, type FieldError } from '../../platform/errors';
import { hasRefusedCharacter } from '../../platform/text';
import { parseCsv } from '../importer/api';

/* Writes of praktikmål: entered one by one, imported from CSV, and each student's status with its history. */

export type GoalRow = typeof internshipGoals.$inferSelect;

const codeTaken = () => conflict('goal_code_taken', [{ field: 'code', key: 'errors.goal_code_taken' }]);

async function assertCodeFree(tx: Executor, schoolId: string, programmeId: string, code: string, exceptId: string | null) {
  const where = [eq(internshipGoals.schoolId, schoolId), eq(internshipGoals.programmeId, programmeId), sql`lower(${internshipGoals.code}) = ${code.toLowerCase()}`];
  if (exceptId) where.push(ne(internshipGoals.id, exceptId));
  const [taken] = await tx
    .select({ id: internshipGoals.id })
    .from(internshipGoals)
    .where(and(...where))
    .limit(1);
  if (taken) throw codeTaken();
}

async function nextPosition(tx: Executor, schoolId: string, programmeId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${internshipGoals.position}), -1)::int + 1` })
    .from(internshipGoals)
    .where(and(eq(internshipGoals.schoolId, schoolId), eq(internshipGoals.programmeId, programmeId)));
  return row?.n ?? 0;
}

export async function createGoal(tx: Executor, actor: SchoolActor, programmeId: string, input: z.output<typeof ZGoalInput>): Promise<GoalRow> {
  const schoolId = actor.school.id;
  await assertCodeFree(tx, schoolId, programmeId, input.code, null);
  const [row] = await tx
    .insert(internshipGoals)
    .values({ schoolId, programmeId, ...input, position: await nextPosition(tx, schoolId, programmeId) })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateGoal(tx: Executor, actor: SchoolActor, before: GoalRow, patch: z.output<typeof ZGoalPatch>): Promise<GoalRow> {
  const schoolId = actor.school.id;
  if (patch.code !== undefined) await assertCodeFree(tx, schoolId, before.programmeId, patch.code, before.id);
  const { archived, ...fields } = patch;
  const [row] = await tx
    .update(internshipGoals)
    .set({ ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }), updatedAt: new Date() })
    .where(and(eq(internshipGoals.schoolId, schoolId), eq(internshipGoals.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  return row;
}

type CsvGoal = { line: number; code: string; text: string; level: string };

/**
 * Reads `code;text;level` (UTF-8 or Windows-1252, `;` or `,`, as the importer reads staff files).
 * A first row whose first cell is "kode" or "code" is a header. Every bad row is named; nothing
 * is written unless the whole file is good.
 */
export function readGoalsCsv(bytes: Uint8Array): CsvGoal[] {
  const parsed = parseCsv(bytes);
  const first = parsed.header.map((h) => h.toLowerCase());
  const all = [...(first.length && !['kode', 'code'].includes(first[0] ?? '') ? [{ line: 1, cells: parsed.header }] : []), ...parsed.records];
  if (!all.length) throw invalid([{ field: 'file', key: 'validation.empty_file' }]);
  if (all.length > INTERNSHIP_LIMITS.goalsCsvRows) throw invalid([{ field: 'file', key: 'validation.goals_csv_too_many', vars: { max: INTERNSHIP_LIMITS.goalsCsvRows } }]);
  const fields: FieldError[] = [];
  const seen = new Map<string, number>();
  const goals = all.map(({ line, cells }) => {
    const [code = '', text = '', level = ''] = cells.map((c) => c.trim());
    if (!code || code.length > 40 || !text || text.length > INTERNSHIP_LIMITS.text || level.length > 60 || [code, text, level].some(hasRefusedCharacter)) {
      fields.push({ field: `line.${line}`, key: 'validation.goals_csv_row', vars: { line } });
    }
    const key = code.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) fields.push({ field: `line.${line}`, key: 'validation.goals_csv_duplicate', vars: { line, first: earlier } });
    else seen.set(key, line);
    return { line, code, text, level };
  });
  if (fields.length) throw invalid(fields.slice(0, 50));
  return goals;
}

/** Adds new codes and updates the text and level of known ones (archived ones come back); nothing is deleted. */
export async function importGoals(tx: Executor, actor: SchoolActor, programmeId: string, goals: CsvGoal[]): Promise<TGoalImportResult> {
  const schoolId = actor.school.id;
  const existing = await tx
    .select()
    .from(internshipGoals)
    .where(and(eq(internshipGoals.schoolId, schoolId), eq(internshipGoals.programmeId, programmeId)));
  const byCode = new Map(existing.map((g) => [g.code.toLowerCase(), g]));
  let position = await nextPosition(tx, schoolId, programmeId);
  const result = { created: 0, updated: 0, unchanged: 0 };
  const fresh: (typeof internshipGoals.$inferInsert)[] = [];
  for (const g of goals) {
    const known = byCode.get(g.code.toLowerCase());
    if (!known) {
      fresh.push({ schoolId, programmeId, code: g.code, text: g.text, level: g.level, position: position++ });
      result.created++;
    } else if (known.text !== g.text || known.level !== g.level || known.archivedAt !== null) {
      await tx
        .update(internshipGoals)
        .set({ text: g.text, level: g.level, archivedAt: null, updatedAt: new Date() })
        .where(and(eq(internshipGoals.schoolId, schoolId), eq(internshipGoals.id, known.id)));
      result.updated++;
    } else result.unchanged++;
  }
  if (fresh.length) await tx.insert(internshipGoals).values(fresh);
  return result;
}

/** Sets a student's status of a goal (the goal must be of his programme): the latest row is replaced, the history keeps every change. */
export async function setGoalStatus(tx: Executor, actor: SchoolActor, studentId: string, goal: GoalRow, input: z.output<typeof ZGoalStatusInput>) {
  const schoolId = actor.school.id;
  const values = { status: input.status, comment: input.comment, setBy: actor.person.id, setAt: new Date() };
  await tx
    .insert(goalStatuses)
    .values({ schoolId, studentId, goalId: goal.id, ...values })
    .onConflictDoUpdate({ target: [goalStatuses.schoolId, goalStatuses.studentId, goalStatuses.goalId], set: values });
  await tx.insert(goalStatusHistory).values({ schoolId, studentId, goalId: goal.id, ...values });
  return values;
}
