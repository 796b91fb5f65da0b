import { and, asc, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Database, Executor } from '../../db/client';
import {
  companies,
  goalStatuses,
  goalStatusHistory,
  internshipGoals,
  logbookComments,
  logbookEntries,
  logbookFiles,
  placements,
  practiceTasks,
  studentProgrammes,
  supervisorCompanies,
  taskAssignments,
} from '../../db/schema/index';
import type { PersonalDataHooks } from '../../platform/feature';
import { removeUnreferenced } from '../../platform/files/index';
import { cancelCalendarItem } from '../calendar/api';
import { logbookStorage } from './logbook-files';
import { CALENDAR_SOURCE } from './placements-commands';

/*
 * A person's part of the internship module (docs/internship.md, "Personal data"; docs/PRIVACY.md).
 * As a student: his placements, logbook entries (with their files and comments), tasks and
 * praktikmål statuses. As anyone: the comments he wrote and the companies he supervises for.
 * Erasure deletes the student's entries, files, comments, placements, statuses and tasks, and the
 * person's own comments and supervisor ties; the statuses he set for others stay, their author's
 * name anonymised with his person record. The administrator's routes use the same two functions.
 */

export async function exportInternship(exec: Executor, schoolId: string, personId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const [periods, entries, files, comments, tasks, statuses, supervises] = await Promise.all([
    exec
      .select({ kind: placements.kind, startsOn: placements.startsOn, endsOn: placements.endsOn, company: companies.name, note: placements.note })
      .from(placements)
      .leftJoin(companies, and(eq(companies.schoolId, placements.schoolId), eq(companies.id, placements.companyId)))
      .where(and(eq(placements.schoolId, schoolId), eq(placements.studentId, personId)))
      .orderBy(asc(placements.startsOn)),
    exec
      .select({ date: logbookEntries.entryDate, title: logbookEntries.title, text: logbookEntries.bodyText, videoUrl: logbookEntries.videoUrl, createdAt: logbookEntries.createdAt })
      .from(logbookEntries)
      .where(and(eq(logbookEntries.schoolId, schoolId), eq(logbookEntries.studentId, personId)))
      .orderBy(asc(logbookEntries.entryDate)),
    exec
      .select({ entry: logbookEntries.title, kind: logbookFiles.kind, fileName: logbookFiles.fileName, size: logbookFiles.originalSize, createdAt: logbookFiles.createdAt })
      .from(logbookFiles)
      .innerJoin(logbookEntries, and(eq(logbookEntries.schoolId, logbookFiles.schoolId), eq(logbookEntries.id, logbookFiles.entryId)))
      .where(and(eq(logbookFiles.schoolId, schoolId), eq(logbookEntries.studentId, personId))),
    exec
      .select({ entry: logbookEntries.title, body: logbookComments.body, createdAt: logbookComments.createdAt })
      .from(logbookComments)
      .innerJoin(logbookEntries, and(eq(logbookEntries.schoolId, logbookComments.schoolId), eq(logbookEntries.id, logbookComments.entryId)))
      .where(and(eq(logbookComments.schoolId, schoolId), eq(logbookComments.authorId, personId)))
      .orderBy(asc(logbookComments.createdAt)),
    exec
      .select({ task: practiceTasks.title, state: taskAssignments.state, feedback: taskAssignments.feedback, updatedAt: taskAssignments.updatedAt })
      .from(taskAssignments)
      .innerJoin(practiceTasks, and(eq(practiceTasks.schoolId, taskAssignments.schoolId), eq(practiceTasks.id, taskAssignments.taskId)))
      .where(and(eq(taskAssignments.schoolId, schoolId), eq(taskAssignments.studentId, personId))),
    exec
      .select({ code: internshipGoals.code, goal: internshipGoals.text, status: goalStatusHistory.status, comment: goalStatusHistory.comment, setAt: goalStatusHistory.setAt })
      .from(goalStatusHistory)
      .innerJoin(internshipGoals, and(eq(internshipGoals.schoolId, goalStatusHistory.schoolId), eq(internshipGoals.id, goalStatusHistory.goalId)))
      .where(and(eq(goalStatusHistory.schoolId, schoolId), eq(goalStatusHistory.studentId, personId)))
      .orderBy(asc(goalStatusHistory.setAt)),
    exec
      .select({ company: companies.name, cvr: companies.cvr, since: supervisorCompanies.createdAt })
      .from(supervisorCompanies)
      .innerJoin(companies, and(eq(companies.schoolId, supervisorCompanies.schoolId), eq(companies.id, supervisorCompanies.companyId)))
      .where(and(eq(supervisorCompanies.schoolId, schoolId), eq(supervisorCompanies.supervisorId, personId))),
  ]);
  return {
    internshipPlacements: periods,
    internshipLogbookEntries: entries,
    internshipLogbookFiles: files,
    internshipLogbookComments: comments,
    internshipTasks: tasks,
    internshipGoalStatuses: statuses,
    internshipSupervisedCompanies: supervises,
  };
}

/** Deletes the person's internship data in the caller's transaction; the logbook's files go after the commit. */
export async function eraseInternship(
  tx: Executor,
  schoolId: string,
  personId: string,
  afterCommit: (fn: () => unknown) => void,
  deps: { config: Config; database: Pick<Database, 'db'> },
): Promise<Record<string, number>> {
  const files = await tx
    .select({ o: logbookFiles.originalKey, d: logbookFiles.displayKey, t: logbookFiles.thumbKey })
    .from(logbookFiles)
    .innerJoin(logbookEntries, and(eq(logbookEntries.schoolId, logbookFiles.schoolId), eq(logbookEntries.id, logbookFiles.entryId)))
    .where(and(eq(logbookFiles.schoolId, schoolId), eq(logbookEntries.studentId, personId)));
  const keys = files.flatMap((f) => [f.o, f.d, f.t].filter((k): k is string => k !== null));
  const count = async (q: Promise<unknown[]>) => (await q).length;
  const comments = await count(
    tx
      .delete(logbookComments)
      .where(and(eq(logbookComments.schoolId, schoolId), eq(logbookComments.authorId, personId)))
      .returning({ id: logbookComments.id }),
  );
  // Files, comments by others and tags go with their entries (ON DELETE CASCADE).
  const entries = await count(
    tx
      .delete(logbookEntries)
      .where(and(eq(logbookEntries.schoolId, schoolId), eq(logbookEntries.studentId, personId)))
      .returning({ id: logbookEntries.id }),
  );
  const periods = await tx
    .delete(placements)
    .where(and(eq(placements.schoolId, schoolId), eq(placements.studentId, personId)))
    .returning({ id: placements.id });
  for (const p of periods) await cancelCalendarItem(tx, schoolId, CALENDAR_SOURCE, p.id);
  const history = await count(
    tx
      .delete(goalStatusHistory)
      .where(and(eq(goalStatusHistory.schoolId, schoolId), eq(goalStatusHistory.studentId, personId)))
      .returning({ id: goalStatusHistory.id }),
  );
  await tx.delete(goalStatuses).where(and(eq(goalStatuses.schoolId, schoolId), eq(goalStatuses.studentId, personId)));
  const tasks = await count(
    tx
      .delete(taskAssignments)
      .where(and(eq(taskAssignments.schoolId, schoolId), eq(taskAssignments.studentId, personId)))
      .returning({ id: taskAssignments.taskId }),
  );
  await tx.delete(studentProgrammes).where(and(eq(studentProgrammes.schoolId, schoolId), eq(studentProgrammes.studentId, personId)));
  const ties = await count(
    tx
      .delete(supervisorCompanies)
      .where(and(eq(supervisorCompanies.schoolId, schoolId), eq(supervisorCompanies.supervisorId, personId)))
      .returning({ id: supervisorCompanies.companyId }),
  );
  if (keys.length) afterCommit(() => removeUnreferenced(deps.database.db, deps.config, logbookStorage, schoolId, keys));
  return {
    internshipPlacements: periods.length,
    internshipLogbookEntries: entries,
    internshipLogbookFiles: files.length,
    internshipLogbookComments: comments,
    internshipGoalStatuses: history,
    internshipTasks: tasks,
    internshipSupervisorTies: ties,
  };
}

export const internshipPersonalData: PersonalDataHooks = {
  export: exportInternship,
  erase: async (tx, schoolId, personId, ctx) => ({ deleted: await eraseInternship(tx, schoolId, personId, ctx.afterCommit, ctx.deps) }),
};

