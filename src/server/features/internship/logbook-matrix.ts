import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { eq } from 'drizzle-orm';
import type { SchoolRole } from '../../../shared/roles';
import { logbookFiles, people, personRoles, practiceTasks, taskAssignments } from '../../db/schema/index';
import { storedPath } from '../../platform/files/index';
import { todayInCopenhagen } from '../../platform/time';
import type { MatrixCtx, MatrixFixture, MatrixWorld } from '../../test/matrix';
import { asciiTiff, companyOf, entryOf, placementOf, teamOf } from './logbook-fixtures';
import type { InternshipStudentResource, PracticeTaskResource, TaskAssignmentResource } from './policy';

let serial = 0;
/** The leading box of an MP4 file (ftyp, brand isom): a video by its content, and plain ASCII. */
const MP4_HEAD = '\0\0\0\x18ftypisom\0\0\x02\0isomiso2mp41';
const API = '/api/v1/internship';

/**
 * Authorization-matrix fixtures of the logbook and the practice tasks (spread into the feature's
 * matrix.fixtures.ts). Each request is about a student the actor is made to stand in his natural
 * relation to: a student asks about himself, a teacher shares a team with the student, a
 * supervisor is tied to the company of the student's current period, a head has him in his
 * department; other roles meet an unrelated student of school A.
 */
export async function logbookMatrix({ app, db, a, b, deptA, deptB }: Pick<MatrixWorld, 'app' | 'db' | 'a' | 'b' | 'deptA' | 'deptB'>): Promise<Record<string, MatrixFixture>> {
  const today = todayInCopenhagen();
  const newStudent = async (schoolId: string, departmentId: string) => {
    const n = ++serial;
    const [s] = await db.insert(people).values({ schoolId, name: `Logbogselev ${n}`, email: `logbog${n}@praktik-matrix.example`, departmentId }).returning();
    if (!s) throw new Error('student');
    await db.insert(personRoles).values({ schoolId, personId: s.id, role: 'student' });
    return s.id;
  };
  const rolesOf = async (c: MatrixCtx) =>
    c.self ? (await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, c.self.id))).map((r) => r.role as SchoolRole) : [];

  /** The student of the request, his current placement and an entry, with the actor related to him. */
  const related = async (c: MatrixCtx) => {
    const roles = await rolesOf(c);
    const self = c.self;
    const isStudent = self !== null && roles.includes('student');
    const studentId = isStudent ? self.id : await newStudent(a.id, deptA);
    const supervisors = self && roles.includes('company_supervisor') ? [self.id] : [];
    const placementId = await placementOf(db, a.id, studentId, await companyOf(db, a.id, supervisors), today, 1);
    if (self && roles.includes('teacher')) await teamOf(db, a.id, [self.id, studentId]);
    const entryId = await entryOf(db, a.id, studentId, placementId, today);
    const resource: InternshipStudentResource = {
      kind: 'internshipStudent',
      studentId,
      departmentId: isStudent ? self.departmentId : deptA,
      teachesStudent: roles.includes('teacher'),
      supervisesStudent: supervisors.length > 0,
    };
    return { studentId, placementId, entryId, resource, roles };
  };
  const foreign = async () => {
    const studentId = await newStudent(b.id, deptB);
    const placementId = await placementOf(db, b.id, studentId, null, today, 1);
    return { studentId, placementId, entryId: await entryOf(db, b.id, studentId, placementId, today) };
  };
  const B = await foreign();
  /** A photo of an entry, its display copy on disk. */
  const photoOf = async (schoolId: string, entryId: string) => {
    const key = `${schoolId}/logbook/${randomUUID()}`;
    const [f] = await db
      .insert(logbookFiles)
      .values({ schoolId, entryId, kind: 'photo', fileName: 'spaer.jpg', originalKey: key, originalMime: 'image/tiff', originalSize: 111, displayKey: `${key}.display`, thumbKey: `${key}.thumb` })
      .returning();
    if (!f) throw new Error('file');
    const path = storedPath(app.deps.config, `${key}.display`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.from(asciiTiff(), 'latin1'));
    return f.id;
  };
  const BPhoto = await photoOf(b.id, B.entryId);
  /** A task given by the actor (as its teacher) or by someone else, to the related student, in the given state. */
  const task = async (c: MatrixCtx, state: TaskAssignmentResource['state']) => {
    const r = await related(c);
    const byActor = r.roles.includes('teacher') && c.self !== null;
    const createdBy = byActor && c.self ? c.self.id : r.studentId;
    const [t] = await db.insert(practiceTasks).values({ schoolId: a.id, title: `Opgave ${++serial}`, createdBy }).returning();
    if (!t) throw new Error('task');
    await db.insert(taskAssignments).values({ schoolId: a.id, taskId: t.id, studentId: r.studentId, state });
    const assignment: TaskAssignmentResource = { kind: 'taskAssignment', student: r.resource, taskCreatedBy: createdBy, state };
    const own: PracticeTaskResource = { kind: 'practiceTask', createdBy };
    return { ...r, taskId: t.id, assignment, own };
  };
  const foreignTask = async () => {
    const [t] = await db.insert(practiceTasks).values({ schoolId: b.id, title: 'Fremmed opgave', createdBy: B.studentId }).returning();
    if (!t) throw new Error('task');
    await db.insert(taskAssignments).values({ schoolId: b.id, taskId: t.id, studentId: B.studentId, state: 'answered' });
    return t.id;
  };
  const BTask = await foreignTask();

  return {
    [`GET ${API}/logbook/overview`]: { own: () => ({ url: `${API}/logbook/overview` }) },
    [`GET ${API}/logbook/students/:id`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/students/${r.studentId}`, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/students/${B.studentId}` }),
    },
    [`POST ${API}/logbook/students/:id/entries`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/students/${r.studentId}/entries`, body: { placementId: r.placementId, entryDate: today, title: 'Matrix' }, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/students/${B.studentId}/entries`, body: { placementId: B.placementId, entryDate: today } }),
    },
    [`GET ${API}/logbook/entries/:id`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/entries/${r.entryId}`, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/entries/${B.entryId}` }),
    },
    [`PATCH ${API}/logbook/entries/:id`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/entries/${r.entryId}`, body: { title: 'Ændret' }, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/entries/${B.entryId}`, body: { title: 'Hacket' } }),
    },
    [`DELETE ${API}/logbook/entries/:id`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/entries/${r.entryId}`, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/entries/${B.entryId}` }),
    },
    [`POST ${API}/logbook/entries/:id/photos`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/entries/${r.entryId}/photos?name=spaer.tif`, body: asciiTiff(), resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/entries/${B.entryId}/photos?name=spaer.tif`, body: asciiTiff() }),
    },
    [`POST ${API}/logbook/entries/:id/videos`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/entries/${r.entryId}/videos?name=spaer.mp4`, body: MP4_HEAD, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/entries/${B.entryId}/videos?name=spaer.mp4`, body: MP4_HEAD }),
    },
    [`GET ${API}/logbook/files/:id`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/files/${await photoOf(a.id, r.entryId)}`, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/files/${BPhoto}` }),
    },
    [`DELETE ${API}/logbook/files/:id`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/files/${await photoOf(a.id, r.entryId)}`, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/files/${BPhoto}` }),
    },
    [`POST ${API}/logbook/entries/:id/comments`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/logbook/entries/${r.entryId}/comments`, body: { body: 'Flot arbejde' }, resource: r.resource };
      },
      other: () => ({ url: `${API}/logbook/entries/${B.entryId}/comments`, body: { body: 'Hacket' } }),
    },
    [`GET ${API}/tasks`]: { own: () => ({ url: `${API}/tasks` }) },
    [`GET ${API}/tasks/mine`]: { own: () => ({ url: `${API}/tasks/mine` }) },
    [`GET ${API}/tasks/supervised`]: { own: () => ({ url: `${API}/tasks/supervised` }) },
    [`POST ${API}/tasks`]: {
      own: async (c) => {
        const r = await related(c);
        return { url: `${API}/tasks`, body: { title: 'Mål et spær op', studentIds: [r.studentId] } };
      },
    },
    [`GET ${API}/tasks/:id`]: {
      own: async (c) => {
        const t = await task(c, 'assigned');
        return { url: `${API}/tasks/${t.taskId}`, resource: t.own };
      },
      other: () => ({ url: `${API}/tasks/${BTask}` }),
    },
    [`POST ${API}/tasks/:id/students/:studentId/confirm`]: {
      own: async (c) => {
        const t = await task(c, 'answered');
        return { url: `${API}/tasks/${t.taskId}/students/${t.studentId}/confirm`, resource: t.assignment };
      },
      other: () => ({ url: `${API}/tasks/${BTask}/students/${B.studentId}/confirm` }),
    },
    [`POST ${API}/tasks/:id/students/:studentId/done`]: {
      own: async (c) => {
        const t = await task(c, 'confirmed');
        return { url: `${API}/tasks/${t.taskId}/students/${t.studentId}/done`, body: { feedback: 'Godt' }, resource: t.assignment };
      },
      other: () => ({ url: `${API}/tasks/${BTask}/students/${B.studentId}/done`, body: { feedback: 'Hacket' } }),
    },
  };
}
