import { ZId } from '../../../shared/api/common';
import { ZStudentInternshipData, ZStudentInternshipErased } from '../../../shared/api/internship';
import { route } from '../../platform/route';
import { eraseInternship, exportInternship } from './personal-data';
import { loadInternshipStudent } from './students-access';

/* The administrator's export and deletion of one student's internship data (docs/internship.md, "Personal data"). */

const tags = ['internship'];

export const studentDataRoutes = [
  route({
    method: 'GET',
    url: '/internship/students/:id/data',
    summary: "One student's internship data: placements, logbook, comments, tasks and praktikmål statuses",
    tags,
    action: 'internshipStudent:exportData',
    params: ZId,
    response: ZStudentInternshipData,
    load: ({ db, actor, params }) => loadInternshipStudent(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, resource: s }) => ({ student: { id: s.studentId, name: s.name }, data: await exportInternship(db, actor.school.id, s.studentId) }),
  }),
  route({
    method: 'DELETE',
    url: '/internship/students/:id/data',
    summary: "Delete one student's internship data (the person stays)",
    tags,
    action: 'internshipStudent:eraseData',
    params: ZId,
    response: ZStudentInternshipErased,
    writes: true,
    load: ({ db, actor, params }) => loadInternshipStudent(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, resource: s, afterCommit, deps, audit }) => {
      const deleted = await eraseInternship(db, actor.school.id, s.studentId, afterCommit, deps);
      await audit({ action: 'internship.student_data_deleted', resourceType: 'person', resourceId: s.studentId, summary: s.name, changes: deleted });
      return { deleted };
    },
  }),
];
