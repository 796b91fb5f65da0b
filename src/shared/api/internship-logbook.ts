import { z } from 'zod';
import { ZAbilities, ZDay, ZRef, ZTimestamp } from './common';

/* The internship module's API contract, its logbook and practice tasks (docs/internship.md, "Logbook", "Practice tasks"). */

export const LOGBOOK_LIMITS = { title: 200, bodyChars: 100_000, comment: 4000, videoUrl: 500, tags: 50, feedback: 4000, taskStudents: 500, taskItems: 50 } as const;
/** The states of a practice task per student, in their order. */
export const TASK_STATES = ['assigned', 'answered', 'confirmed', 'done'] as const;
export const ZTaskState = z.enum(TASK_STATES);
export type TTaskState = z.infer<typeof ZTaskState>;

const ids = (max: number) => z.array(z.string().max(100)).max(max);
/** A video hosted elsewhere: an https address only (no http, javascript: or data:). */
const videoUrl = z.string().trim().max(LOGBOOK_LIMITS.videoUrl).regex(/^https:\/\/[^\s/?#]+\.[^\s]*$/i, 'validation.https_only');

/** POST /internship/logbook/students/:id/entries. The body is rich text, sanitised on the server. */
export const ZLogbookEntryInput = z.strictObject({
  placementId: z.string().max(100),
  entryDate: ZDay,
  title: z.string().trim().max(LOGBOOK_LIMITS.title).default(''),
  bodyHtml: z.string().max(LOGBOOK_LIMITS.bodyChars).default(''),
  videoUrl: videoUrl.nullable().default(null),
  goalIds: ids(LOGBOOK_LIMITS.tags).default([]),
  taskIds: ids(LOGBOOK_LIMITS.tags).default([]),
});
export type TLogbookEntryInput = z.input<typeof ZLogbookEntryInput>;
export const ZLogbookEntryPatch = z.strictObject({
  entryDate: ZDay.optional(),
  title: z.string().trim().max(LOGBOOK_LIMITS.title).optional(),
  bodyHtml: z.string().max(LOGBOOK_LIMITS.bodyChars).optional(),
  videoUrl: videoUrl.nullable().optional(),
  goalIds: ids(LOGBOOK_LIMITS.tags).optional(),
  taskIds: ids(LOGBOOK_LIMITS.tags).optional(),
});
export type TLogbookEntryPatch = z.input<typeof ZLogbookEntryPatch>;
export const ZLogbookCommentInput = z.strictObject({ body: z.string().trim().min(1).max(LOGBOOK_LIMITS.comment) });

export const ZLogbookFile = z.object({
  id: z.string(),
  kind: z.enum(['photo', 'video']),
  fileName: z.string(),
  /** The stripped display copy of a photo, the video itself. */
  url: z.string(),
  /** A photo's thumbnail. */
  thumbUrl: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  abilities: ZAbilities,
});
export type TLogbookFile = z.input<typeof ZLogbookFile>;
export const ZLogbookComment = z.object({ id: z.string(), author: ZRef, body: z.string(), createdAt: ZTimestamp });
export type TLogbookComment = z.input<typeof ZLogbookComment>;

export const ZLogbookEntry = z.object({
  id: z.string(),
  student: ZRef,
  placementId: z.string(),
  company: ZRef.nullable(),
  entryDate: z.string(),
  title: z.string(),
  bodyHtml: z.string(),
  videoUrl: z.string().nullable(),
  goals: z.array(z.object({ id: z.string(), code: z.string(), text: z.string() })),
  tasks: z.array(ZRef),
  files: z.array(ZLogbookFile),
  comments: z.array(ZLogbookComment),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  abilities: ZAbilities,
});
export type TLogbookEntry = z.input<typeof ZLogbookEntry>;

/** GET /internship/logbook/students/:id: a student's entries, newest first. */
export const ZLogbookEntrySummary = z.object({
  id: z.string(),
  placementId: z.string(),
  entryDate: z.string(),
  title: z.string(),
  excerpt: z.string(),
  photos: z.number(),
  videos: z.number(),
  comments: z.number(),
  thumbUrl: z.string().nullable(),
});
export type TLogbookEntrySummary = z.input<typeof ZLogbookEntrySummary>;
export const ZStudentLogbook = z.object({ student: ZRef, entries: z.array(ZLogbookEntrySummary), abilities: ZAbilities });
export type TStudentLogbook = z.input<typeof ZStudentLogbook>;

/** GET /internship/logbook/overview: the actor's students with where each is now and their logbook's activity. */
export const ZLogbookOverview = z.object({
  students: z.array(
    z.object({
      student: ZRef,
      current: z.object({ kind: z.enum(['school', 'practice']), company: ZRef.nullable(), startsOn: z.string(), endsOn: z.string() }).nullable(),
      lastEntryOn: z.string().nullable(),
      entriesThisWeek: z.number(),
      /** Comments by others on the student's entries since the reader's own last comment there. */
      unseenComments: z.number(),
    }),
  ),
});
export type TLogbookOverview = z.input<typeof ZLogbookOverview>;

/** POST /internship/tasks: to chosen students and/or every student of a team. */
export const ZPracticeTaskInput = z.strictObject({
  title: z.string().trim().min(1).max(LOGBOOK_LIMITS.title),
  descriptionHtml: z.string().max(LOGBOOK_LIMITS.bodyChars).default(''),
  goalIds: ids(LOGBOOK_LIMITS.tags).default([]),
  itemIds: ids(LOGBOOK_LIMITS.taskItems).default([]),
  studentIds: ids(LOGBOOK_LIMITS.taskStudents).default([]),
  teamId: z.string().max(100).nullable().default(null),
  dueFrom: ZDay.nullable().default(null),
  dueTo: ZDay.nullable().default(null),
});
export type TPracticeTaskInput = z.input<typeof ZPracticeTaskInput>;
export const ZTaskDoneInput = z.strictObject({ feedback: z.string().trim().min(1).max(LOGBOOK_LIMITS.feedback) });

export const ZTaskAssignment = z.object({
  student: ZRef,
  state: ZTaskState,
  answeredAt: ZTimestamp.nullable(),
  confirmedAt: ZTimestamp.nullable(),
  doneAt: ZTimestamp.nullable(),
  feedback: z.string(),
  abilities: ZAbilities,
});
export type TTaskAssignment = z.input<typeof ZTaskAssignment>;
export const ZPracticeTask = z.object({
  id: z.string(),
  title: z.string(),
  descriptionHtml: z.string(),
  team: ZRef.nullable(),
  dueFrom: z.string().nullable(),
  dueTo: z.string().nullable(),
  createdBy: ZRef,
  goals: z.array(z.object({ id: z.string(), code: z.string(), text: z.string() })),
  items: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
  assignments: z.array(ZTaskAssignment),
  abilities: ZAbilities,
});
export type TPracticeTask = z.input<typeof ZPracticeTask>;

/** The teacher's tasks with how many students are in each state. */
export const ZPracticeTaskList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      team: ZRef.nullable(),
      dueFrom: z.string().nullable(),
      dueTo: z.string().nullable(),
      states: z.object({ assigned: z.number(), answered: z.number(), confirmed: z.number(), done: z.number() }),
    }),
  ),
  abilities: ZAbilities,
});
export type TPracticeTaskList = z.input<typeof ZPracticeTaskList>;

/** A student's task as the student (my tasks) or his supervisor sees it. */
export const ZStudentTaskList = z.object({
  items: z.array(
    z.object({
      task: ZRef,
      student: ZRef,
      descriptionHtml: z.string(),
      dueFrom: z.string().nullable(),
      dueTo: z.string().nullable(),
      state: ZTaskState,
      feedback: z.string(),
      abilities: ZAbilities,
    }),
  ),
});
export type TStudentTaskList = z.input<typeof ZStudentTaskList>;
