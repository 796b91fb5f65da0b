import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TPlacementKind, ZPlacementInput, ZPlacementPatch } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { companies, logbookEntries, placements, supervisorCompanies } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { conflict, invalid, type FieldError } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { translate } from '../../platform/messages';
import { cancelCalendarItem, upsertCalendarItem } from '../calendar/api';
import type { InternshipStudentResource } from './policy';

/*
 * Writes of placements. A student's periods never overlap: each write takes the student's
 * advisory lock for the rest of its transaction, then checks for an overlapping period, so two
 * concurrent writes for the same student are decided one after the other.
 */

export type PlacementRow = typeof placements.$inferSelect;
type Fields = { kind: TPlacementKind; startsOn: string; endsOn: string; companyId: string | null; supervisorId: string | null; note: string };

/** The namespace of the students' placement locks for pg_advisory_xact_lock(int, int). */
const PLACEMENT_LOCK = 7401;
export const CALENDAR_SOURCE = 'internship';
export const CALENDAR_KIND = 'practice_period';

const lockStudent = (tx: Executor, schoolId: string, studentId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(${PLACEMENT_LOCK}::int, hashtext(${`${schoolId}:${studentId}`}))`);

/** Checks a period's company and supervisor; returns the company's name for the årshjul. */
async function checkFields(tx: Executor, schoolId: string, f: Fields): Promise<string | null> {
  const fields: FieldError[] = [];
  if (f.endsOn < f.startsOn) fields.push({ field: 'endsOn', key: 'validation.ends_before_start' });
  if (f.kind === 'school') {
    if (f.companyId !== null) fields.push({ field: 'companyId', key: 'validation.placement_school_company' });
    if (f.supervisorId !== null) fields.push({ field: 'supervisorId', key: 'validation.placement_school_company' });
    if (fields.length) throw invalid(fields);
    return null;
  }
  if (f.companyId === null) throw invalid([...fields, { field: 'companyId', key: 'validation.placement_company_required' }]);
  const [company] = isUuid(f.companyId)
    ? await tx
        .select({ name: companies.name })
        .from(companies)
        .where(and(eq(companies.schoolId, schoolId), eq(companies.id, f.companyId), isNull(companies.archivedAt)))
    : [];
  if (!company) fields.push({ field: 'companyId', key: 'validation.unknown_company' });
  if (company && f.supervisorId !== null) {
    const [tied] = isUuid(f.supervisorId)
      ? await tx
          .select({ id: supervisorCompanies.supervisorId })
          .from(supervisorCompanies)
          .where(and(eq(supervisorCompanies.schoolId, schoolId), eq(supervisorCompanies.companyId, f.companyId), eq(supervisorCompanies.supervisorId, f.supervisorId)))
      : [];
    if (!tied) fields.push({ field: 'supervisorId', key: 'validation.supervisor_not_of_company' });
  }
  if (fields.length) throw invalid(fields);
  return company?.name ?? null;
}

async function assertNoOverlap(tx: Executor, schoolId: string, studentId: string, f: Fields, exceptId: string | null) {
  const where = [
    eq(placements.schoolId, schoolId),
    eq(placements.studentId, studentId),
    sql`${placements.startsOn} <= ${f.endsOn}::date and ${placements.endsOn} >= ${f.startsOn}::date`,
  ];
  if (exceptId) where.push(ne(placements.id, exceptId));
  const [clash] = await tx
    .select({ startsOn: placements.startsOn, endsOn: placements.endsOn })
    .from(placements)
    .where(and(...where))
    .limit(1);
  if (clash) throw conflict('placement_overlap', [{ field: 'startsOn', key: 'validation.placement_overlap', vars: { from: clash.startsOn, to: clash.endsOn } }]);
}

/** A practice period is a neutral item in the årshjul of the student's department: the company, never the student. */
async function syncCalendar(tx: Executor, schoolId: string, row: PlacementRow, companyName: string | null, departmentId: string | null) {
  if (row.kind !== 'practice' || companyName === null) {
    await cancelCalendarItem(tx, schoolId, CALENDAR_SOURCE, row.id);
    return;
  }
  await upsertCalendarItem(tx, schoolId, {
    source: CALENDAR_SOURCE,
    sourceRef: row.id,
    kind: CALENDAR_KIND,
    title: `${translate('da', `calendar.kinds.${CALENDAR_KIND}`)}: ${companyName}`,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    departmentId,
    sigtelinjer: ['4'],
  });
}

export async function createPlacement(tx: Executor, actor: SchoolActor, student: InternshipStudentResource, input: z.output<typeof ZPlacementInput>): Promise<PlacementRow> {
  const schoolId = actor.school.id;
  const fields: Fields = { ...input };
  const companyName = await checkFields(tx, schoolId, fields);
  await lockStudent(tx, schoolId, student.studentId);
  await assertNoOverlap(tx, schoolId, student.studentId, fields, null);
  const [row] = await tx
    .insert(placements)
    .values({ schoolId, studentId: student.studentId, ...fields, createdBy: actor.person.id })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await syncCalendar(tx, schoolId, row, companyName, student.departmentId);
  return row;
}

export async function updatePlacement(
  tx: Executor,
  actor: SchoolActor,
  student: InternshipStudentResource,
  before: PlacementRow,
  patch: z.output<typeof ZPlacementPatch>,
): Promise<PlacementRow> {
  const schoolId = actor.school.id;
  const kind = patch.kind ?? before.kind;
  const fields: Fields = {
    kind: kind as TPlacementKind,
    startsOn: patch.startsOn ?? before.startsOn,
    endsOn: patch.endsOn ?? before.endsOn,
    // Turning a practice period into a school period drops its company and supervisor.
    companyId: kind === 'school' ? (patch.companyId ?? null) : patch.companyId !== undefined ? patch.companyId : before.companyId,
    supervisorId: kind === 'school' ? (patch.supervisorId ?? null) : patch.supervisorId !== undefined ? patch.supervisorId : patch.companyId !== undefined && patch.companyId !== before.companyId ? null : before.supervisorId,
    note: patch.note ?? before.note,
  };
  const companyName = await checkFields(tx, schoolId, fields);
  await lockStudent(tx, schoolId, before.studentId);
  await assertNoOverlap(tx, schoolId, before.studentId, fields, before.id);
  const [row] = await tx
    .update(placements)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(placements.schoolId, schoolId), eq(placements.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await syncCalendar(tx, schoolId, row, companyName, student.departmentId);
  return row;
}

/** A period the student wrote logbook entries in is kept: deleting it would delete his entries. */
export async function deletePlacement(tx: Executor, actor: SchoolActor, row: PlacementRow): Promise<void> {
  const schoolId = actor.school.id;
  const [entry] = await tx
    .select({ id: logbookEntries.id })
    .from(logbookEntries)
    .where(and(eq(logbookEntries.schoolId, schoolId), eq(logbookEntries.placementId, row.id)))
    .limit(1);
  if (entry) throw conflict('placement_has_entries');
  await cancelCalendarItem(tx, schoolId, CALENDAR_SOURCE, row.id);
  await tx.delete(placements).where(and(eq(placements.schoolId, schoolId), eq(placements.id, row.id)));
}
