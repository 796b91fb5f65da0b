import { z } from 'zod';
import { fileResponse, NO_CONTENT, ZId } from '../../../shared/api/common';
import {
  ZLogbookCommentInput,
  ZLogbookEntry,
  ZLogbookEntryInput,
  ZLogbookEntryPatch,
  ZLogbookOverview,
  ZStudentLogbook,
} from '../../../shared/api/internship';
import { notFound } from '../../platform/errors';
import { acceptVideos, serveFile, spaceFor, storeFile, storePhoto } from '../../platform/files/index';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { loadEntry, loadLogbookFile, loadLogbookStudent } from './logbook-access';
import { addComment, attachFile, createEntry, deleteEntry, deleteFile, updateEntry } from './logbook-commands';
import { logbookStorage } from './logbook-files';
import { notifyComment, notifyNewEntry } from './logbook-notify';
import { logbookOverview, showEntry, studentLogbook } from './logbook-queries';

const tags = ['internship'];
const ZUploadQuery = z.strictObject({ name: z.string().max(200).optional() });
const byStudent = ({ student }: { student: Parameters<typeof showEntry>[2] }) => student;

/** The logbook (docs/internship.md, "Logbook"): entries, their photos and videos, comments, and the overview. */
export const logbookRoutes = [
  route({
    method: 'GET',
    url: '/internship/logbook/overview',
    summary: "The actor's students with where each is now, the last entry, this week's entries and unseen comments (one query)",
    tags,
    action: 'logbook:overview',
    response: ZLogbookOverview,
    handler: ({ db, actor }) => logbookOverview(db, actor),
  }),
  route({
    method: 'GET',
    url: '/internship/logbook/students/:id',
    summary: "A student's logbook entries, newest first",
    tags,
    action: 'logbookStudent:read',
    params: ZId,
    query: z.strictObject({ placementId: z.string().max(100).optional() }),
    response: ZStudentLogbook,
    load: ({ db, actor, params }) => loadLogbookStudent(db, actor, params.id),
    handler: ({ db, actor, resource, query }) => studentLogbook(db, actor, resource, query.placementId),
  }),
  route({
    method: 'POST',
    url: '/internship/logbook/students/:id/entries',
    summary: 'The student writes an entry in one of his placements (rich text sanitised, tags for praktikmål and tasks, an https video link); his teachers and supervisor are told',
    tags,
    action: 'logbookStudent:write',
    params: ZId,
    body: ZLogbookEntryInput,
    status: 201,
    response: ZLogbookEntry,
    writes: true,
    load: ({ db, actor, params }) => loadLogbookStudent(db, actor, params.id),
    handler: async (c) => {
      const row = await createEntry(c, c.resource, c.body);
      const mail = { mailer: c.deps.mailer, db: c.deps.database.db, log: c.req.log, origin: ownOrigin(c.deps.config, c.req) };
      const notice = { schoolId: c.actor.school.id, studentId: c.resource.studentId, studentName: c.resource.name, entryId: row.id, title: row.title };
      c.afterCommit(() => notifyNewEntry(mail, notice));
      return showEntry(c.db, c.actor, c.resource, row);
    },
  }),
  route({
    method: 'GET',
    url: '/internship/logbook/entries/:id',
    summary: 'One entry with its tags, photos, videos and comments',
    tags,
    action: 'logbookStudent:read',
    params: ZId,
    response: ZLogbookEntry,
    load: ({ db, actor, params }) => loadEntry(db, actor, params.id),
    policyResource: byStudent,
    handler: ({ db, actor, resource }) => showEntry(db, actor, resource.student, resource.row),
  }),
  route({
    method: 'PATCH',
    url: '/internship/logbook/entries/:id',
    summary: 'The student edits his entry',
    tags,
    action: 'logbookStudent:write',
    params: ZId,
    body: ZLogbookEntryPatch,
    response: ZLogbookEntry,
    writes: true,
    load: ({ db, actor, params }) => loadEntry(db, actor, params.id),
    policyResource: byStudent,
    handler: async (c) => {
      await updateEntry(c, c.resource.student, c.resource.row, c.body);
      const { row } = await loadEntry(c.db, c.actor, c.resource.row.id);
      return showEntry(c.db, c.actor, c.resource.student, row);
    },
  }),
  route({
    method: 'DELETE',
    url: '/internship/logbook/entries/:id',
    summary: 'The student deletes his entry with its comments and files (the files after the commit)',
    tags,
    action: 'logbookStudent:write',
    params: ZId,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadEntry(db, actor, params.id),
    policyResource: byStudent,
    handler: (c) => deleteEntry(c, c.resource.row),
  }),
  route({
    method: 'POST',
    url: '/internship/logbook/entries/:id/photos',
    summary: 'Add a photo (multipart or a raw body with ?name=): the original kept private, a copy without metadata and a thumbnail served',
    tags,
    action: 'logbookStudent:write',
    params: ZId,
    query: ZUploadQuery,
    rawBody: 'multipart',
    status: 201,
    response: ZLogbookEntry,
    writes: true,
    load: ({ db, actor, params }) => loadEntry(db, actor, params.id),
    policyResource: byStudent,
    receive: async ({ req, db, deps, query, resource: { row } }) =>
      storePhoto(req, deps.config, { owner: logbookStorage, schoolId: row.schoolId, space: await spaceFor(db, deps.config, row.schoolId, 0), name: query.name }),
    handler: async (c) => {
      await attachFile(c, c.resource.row, c.received);
      return showEntry(c.db, c.actor, c.resource.student, c.resource.row);
    },
  }),
  route({
    method: 'POST',
    url: '/internship/logbook/entries/:id/videos',
    summary: 'Add a short video (MP4, WebM or QuickTime by content, up to the upload limit; multipart or a raw body with ?name=)',
    tags,
    action: 'logbookStudent:write',
    params: ZId,
    query: ZUploadQuery,
    rawBody: 'multipart',
    status: 201,
    response: ZLogbookEntry,
    writes: true,
    load: ({ db, actor, params }) => loadEntry(db, actor, params.id),
    policyResource: byStudent,
    receive: async ({ req, db, deps, query, resource: { row } }) =>
      storeFile(req, deps.config, { owner: logbookStorage, schoolId: row.schoolId, space: await spaceFor(db, deps.config, row.schoolId, 0), accept: acceptVideos, name: query.name }),
    handler: async (c) => {
      await attachFile(c, c.resource.row, c.received);
      return showEntry(c.db, c.actor, c.resource.student, c.resource.row);
    },
  }),
  route({
    method: 'GET',
    url: '/internship/logbook/files/:id',
    summary: "A photo's stripped display copy or thumbnail (inline image, nosniff) or a video; never a photo's original",
    tags,
    action: 'logbookStudent:read',
    params: ZId,
    query: z.strictObject({ variant: z.enum(['display', 'thumb']).default('display') }),
    response: fileResponse('application/octet-stream'),
    load: ({ db, actor, params }) => loadLogbookFile(db, actor, params.id),
    policyResource: byStudent,
    handler: async ({ req, reply, deps, query, resource: { file } }) => {
      if (file.kind === 'video') return serveFile(req, reply, deps.config, file.originalKey, { as: 'attachment', name: file.fileName, mime: file.originalMime });
      const key = query.variant === 'thumb' ? file.thumbKey : file.displayKey;
      if (!key) throw notFound();
      return serveFile(req, reply, deps.config, key, { as: 'inline-image', name: file.fileName });
    },
  }),
  route({
    method: 'DELETE',
    url: '/internship/logbook/files/:id',
    summary: 'The student removes a photo or video from his entry (the files after the commit)',
    tags,
    action: 'logbookStudent:write',
    params: ZId,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadLogbookFile(db, actor, params.id),
    policyResource: byStudent,
    handler: (c) => deleteFile(c, c.resource.row, c.resource.file),
  }),
  route({
    method: 'POST',
    url: '/internship/logbook/entries/:id/comments',
    summary: 'A comment by the student, his teachers, the head of his department or the current supervisor; the student is told',
    tags,
    action: 'logbookStudent:comment',
    params: ZId,
    body: ZLogbookCommentInput,
    status: 201,
    response: ZLogbookEntry,
    writes: true,
    load: ({ db, actor, params }) => loadEntry(db, actor, params.id),
    policyResource: byStudent,
    handler: async (c) => {
      const { row, student } = c.resource;
      await addComment(c, row, c.body.body);
      const mail = { mailer: c.deps.mailer, db: c.deps.database.db, log: c.req.log, origin: ownOrigin(c.deps.config, c.req) };
      const notice = { schoolId: c.actor.school.id, studentId: student.studentId, studentName: student.name, entryId: row.id, title: row.title, authorId: c.actor.person.id, authorName: c.actor.person.name };
      c.afterCommit(() => notifyComment(mail, notice));
      return showEntry(c.db, c.actor, student, row);
    },
  }),
];
