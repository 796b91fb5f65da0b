import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TLogbookEntryPatch, ZLogbookEntryInput } from '../../../shared/api/internship';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { internshipGoals, logbookComments, logbookEntries, logbookEntryGoals, logbookEntryTasks, logbookFiles, placements, taskAssignments } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import type { AppDeps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { ensureSpace, removeUnreferenced, type PhotoUpload, type Upload } from '../../platform/files/index';
import { cleanRichAll, cleanText, RICH_TEXT } from '../library/api';
import type { EntryRow, FileRow, LogbookStudent } from './logbook-access';
import { logbookStorage } from './logbook-files';

/** A writing route's context: its transaction, actor, audit, the work after the commit, the app's deps. */
export type LogbookWriter = {
  db: Executor;
  actor: SchoolActor;
  deps: AppDeps;
  audit(entry: AuditEntry): Promise<void>;
  afterCommit(fn: () => unknown): void;
};
/** What a command that touches no file needs (the demo seed writes through these too). */
export type EntryWriter = Pick<LogbookWriter, 'db' | 'actor' | 'audit'>;

/** Rich text through the library's sanitiser, in bounded time (off the event loop when large); 422 naming the field. */
export async function cleanBody(html: string, field: string): Promise<{ html: string; text: string }> {
  if (!html.trim()) return { html: '', text: '' };
  const [cleaned] = (await cleanRichAll([html])) ?? [];
  if (!cleaned) throw invalid([{ field, key: 'validation.too_complex' }]);
  if ('problem' in cleaned) {
    throw invalid([cleaned.problem === 'too_deep' ? { field, key: 'validation.too_deep', vars: { max: RICH_TEXT.maxDepth } } : { field, key: 'validation.too_long', vars: { max: RICH_TEXT.maxChars } }]);
  }
  return cleaned;
}

/** The placement must be one of the student's own periods. */
async function checkPlacement(db: Executor, schoolId: string, student: LogbookStudent, placementId: string): Promise<void> {
  const found = /^[0-9a-f-]{36}$/i.test(placementId)
    ? await db
        .select({ id: placements.id })
        .from(placements)
        .where(and(eq(placements.schoolId, schoolId), eq(placements.id, placementId), eq(placements.studentId, student.studentId)))
    : [];
  if (!found.length) throw invalid([{ field: 'placementId', key: 'logbook.validation.unknown_placement' }]);
}

const uuids = (xs: readonly string[]) => [...new Set(xs)].filter((x) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(x));

/**
 * Sets an entry's tags: praktikmål of the school (not archived) and tasks given to this student,
 * each id checked (422 naming the field for one that is not). A task tagged for the first time
 * moves the student's assignment from assigned to answered.
 */
async function setTags(w: EntryWriter, student: LogbookStudent, entryId: string, goalIds: readonly string[] | undefined, taskIds: readonly string[] | undefined) {
  const schoolId = w.actor.school.id;
  if (goalIds) {
    const wanted = uuids(goalIds);
    const found = wanted.length
      ? await w.db
          .select({ id: internshipGoals.id })
          .from(internshipGoals)
          .where(and(eq(internshipGoals.schoolId, schoolId), inArray(internshipGoals.id, wanted), isNull(internshipGoals.archivedAt)))
      : [];
    if (found.length !== new Set(goalIds).size) throw invalid([{ field: 'goalIds', key: 'logbook.validation.unknown_goal' }]);
    await w.db.delete(logbookEntryGoals).where(and(eq(logbookEntryGoals.schoolId, schoolId), eq(logbookEntryGoals.entryId, entryId)));
    if (wanted.length) await w.db.insert(logbookEntryGoals).values(wanted.map((goalId) => ({ schoolId, entryId, goalId })));
  }
  if (taskIds) {
    const wanted = uuids(taskIds);
    const found = wanted.length
      ? await w.db
          .select({ id: taskAssignments.taskId })
          .from(taskAssignments)
          .where(and(eq(taskAssignments.schoolId, schoolId), eq(taskAssignments.studentId, student.studentId), inArray(taskAssignments.taskId, wanted)))
      : [];
    if (found.length !== new Set(taskIds).size) throw invalid([{ field: 'taskIds', key: 'logbook.validation.unknown_task' }]);
    await w.db.delete(logbookEntryTasks).where(and(eq(logbookEntryTasks.schoolId, schoolId), eq(logbookEntryTasks.entryId, entryId)));
    if (wanted.length) {
      await w.db.insert(logbookEntryTasks).values(wanted.map((taskId) => ({ schoolId, entryId, taskId })));
      await w.db
        .update(taskAssignments)
        .set({ state: 'answered', answeredAt: new Date(), updatedAt: new Date() })
        .where(
          and(eq(taskAssignments.schoolId, schoolId), eq(taskAssignments.studentId, student.studentId), inArray(taskAssignments.taskId, wanted), eq(taskAssignments.state, 'assigned')),
        );
    }
  }
}

export async function createEntry(w: EntryWriter, student: LogbookStudent, input: z.output<typeof ZLogbookEntryInput>): Promise<EntryRow> {
  await checkPlacement(w.db, w.actor.school.id, student, input.placementId);
  const body = await cleanBody(input.bodyHtml, 'bodyHtml');
  const [row] = await w.db
    .insert(logbookEntries)
    .values({
      schoolId: w.actor.school.id,
      studentId: student.studentId,
      placementId: input.placementId,
      title: cleanText(input.title),
      bodyHtml: body.html,
      bodyText: body.text,
      videoUrl: input.videoUrl,
      entryDate: input.entryDate,
    })
    .returning();
  if (!row) throw new Error('logbook entry not inserted');
  await setTags(w, student, row.id, input.goalIds, input.taskIds);
  await w.audit({ action: 'logbook.entry_created', resourceType: 'logbook_entry', resourceId: row.id, summary: row.title, changes: { student: student.studentId, date: row.entryDate } });
  return row;
}

export async function updateEntry(w: EntryWriter, student: LogbookStudent, row: EntryRow, patch: TLogbookEntryPatch): Promise<void> {
  const set: Partial<typeof logbookEntries.$inferInsert> = { updatedAt: new Date() };
  if (patch.title !== undefined) set.title = cleanText(patch.title);
  if (patch.entryDate !== undefined) set.entryDate = patch.entryDate;
  if (patch.videoUrl !== undefined) set.videoUrl = patch.videoUrl;
  if (patch.bodyHtml !== undefined) {
    const body = await cleanBody(patch.bodyHtml, 'bodyHtml');
    set.bodyHtml = body.html;
    set.bodyText = body.text;
  }
  await w.db.update(logbookEntries).set(set).where(and(eq(logbookEntries.schoolId, row.schoolId), eq(logbookEntries.id, row.id)));
  await setTags(w, student, row.id, patch.goalIds, patch.taskIds);
  await w.audit({ action: 'logbook.entry_updated', resourceType: 'logbook_entry', resourceId: row.id, summary: set.title ?? row.title, changes: { fields: Object.keys(patch) } });
}

/** Deletes an entry with its tags, comments and files (rows in the transaction, files after the commit). */
export async function deleteEntry(w: LogbookWriter, row: EntryRow): Promise<void> {
  const files = await w.db
    .select({ key: logbookFiles.originalKey })
    .from(logbookFiles)
    .where(and(eq(logbookFiles.schoolId, row.schoolId), eq(logbookFiles.entryId, row.id)));
  await w.db.delete(logbookEntries).where(and(eq(logbookEntries.schoolId, row.schoolId), eq(logbookEntries.id, row.id)));
  await w.audit({ action: 'logbook.entry_deleted', resourceType: 'logbook_entry', resourceId: row.id, summary: row.title, changes: { files: files.length } });
  removeAfterCommit(w, row.schoolId, files.map((f) => f.key));
}

const removeAfterCommit = (w: LogbookWriter, schoolId: string, keys: string[]) => {
  if (keys.length) w.afterCommit(() => removeUnreferenced(w.deps.database.db, w.deps.config, logbookStorage, schoolId, keys));
};

const nextPosition = async (db: Executor, row: EntryRow) => {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${logbookFiles.position}) + 1, 0)::int` })
    .from(logbookFiles)
    .where(and(eq(logbookFiles.schoolId, row.schoolId), eq(logbookFiles.entryId, row.id)));
  return Number(r?.n ?? 0);
};

/**
 * A received photo or video joins the entry. The quota is checked again with the school's row
 * locked (against the three files of a photo); the files are moved into place only after the
 * commit, so a failed transaction leaves none.
 */
export async function attachFile(w: LogbookWriter, row: EntryRow, upload: Upload | PhotoUpload): Promise<FileRow> {
  const photo = 'displayKey' in upload ? upload : null;
  await ensureSpace(w.db, w.deps.config, row.schoolId, photo ? photo.totalBytes : upload.size);
  const [file] = await w.db
    .insert(logbookFiles)
    .values({
      schoolId: row.schoolId,
      entryId: row.id,
      kind: photo ? 'photo' : 'video',
      fileName: upload.fileName,
      originalKey: upload.key,
      originalMime: upload.mime,
      originalSize: upload.size,
      displayKey: photo?.displayKey ?? null,
      displayMime: photo?.displayMime ?? null,
      displaySize: photo ? photo.totalBytes - upload.size : null,
      thumbKey: photo?.thumbKey ?? null,
      thumbSize: photo ? 0 : null,
      width: photo?.width ?? null,
      height: photo?.height ?? null,
      position: await nextPosition(w.db, row),
    })
    .returning();
  if (!file) throw new Error('logbook file not inserted');
  await w.audit({
    action: photo ? 'logbook.photo_added' : 'logbook.video_added',
    resourceType: 'logbook_entry',
    resourceId: row.id,
    summary: upload.fileName,
    changes: { mime: upload.mime, size: upload.size, sha256: upload.sha256 },
  });
  w.afterCommit(() => upload.keep());
  return file;
}

export async function deleteFile(w: LogbookWriter, row: EntryRow, file: FileRow): Promise<void> {
  await w.db.delete(logbookFiles).where(and(eq(logbookFiles.schoolId, file.schoolId), eq(logbookFiles.id, file.id)));
  await w.audit({ action: 'logbook.file_deleted', resourceType: 'logbook_entry', resourceId: row.id, summary: file.fileName, changes: { kind: file.kind } });
  removeAfterCommit(w, file.schoolId, [file.originalKey]);
}

/** A comment as plain text (no markup is stored). */
export async function addComment(w: EntryWriter, row: EntryRow, body: string): Promise<string> {
  const text = cleanText(body).trim();
  if (!text) throw invalid([{ field: 'body', key: 'validation.required' }]);
  const [c] = await w.db.insert(logbookComments).values({ schoolId: row.schoolId, entryId: row.id, authorId: w.actor.person.id, body: text }).returning({ id: logbookComments.id });
  if (!c) throw new Error('logbook comment not inserted');
  await w.audit({ action: 'logbook.commented', resourceType: 'logbook_entry', resourceId: row.id, summary: row.title, changes: { comment: c.id } });
  return c.id;
}
