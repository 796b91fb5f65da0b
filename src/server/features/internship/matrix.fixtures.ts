import { eq } from 'drizzle-orm';
import type { SchoolRole } from '../../../shared/roles';
import type { Db } from '../../db/client';
import {
  companies,
  internshipGoals,
  offers,
  people,
  personRoles,
  personTeams,
  placements,
  programmes,
  studentProgrammes,
  supervisorCompanies,
  teams,
} from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import type { FeatureMatrix, MatrixCtx } from '../../test/matrix';
import { addDays } from '../home/api';
import { isValidCvr } from './companies-cvr';
import type { CompanyResource, InternshipStudentResource } from './policy';
import { logbookMatrix } from './logbook-matrix';

let serial = 0;
const next = () => ++serial;
let cvrSeed = 31000000;
/** A fresh CVR number that passes the modulus-11 check. */
export const nextCvr = () => {
  for (;;) {
    const c = String(++cvrSeed);
    if (isValidCvr(c)) return c;
  }
};

type World = { schoolId: string; departmentId: string; programmeId: string; companyId: string; teamId: string; goalId: string; offerId: string };

async function world(db: Db, schoolId: string, departmentId: string, createdBy: string): Promise<World> {
  const tag = next();
  const [p] = await db.insert(programmes).values({ schoolId, name: `Tømrer ${tag}` }).returning();
  const [c] = await db.insert(companies).values({ schoolId, name: `Matrix Byg ${tag}`, cvr: nextCvr(), createdBy }).returning();
  const [t] = await db.insert(teams).values({ schoolId, name: `Praktikhold ${tag}`, departmentId }).returning();
  if (!p || !c || !t) throw new Error('world');
  const [g] = await db.insert(internshipGoals).values({ schoolId, programmeId: p.id, code: 'PM1', text: 'Kan opmåle' }).returning();
  const [o] = await db.insert(offers).values({ schoolId, source: 'company', category: 'visit', companyId: c.id, title: 'Besøg' }).returning();
  if (!g || !o) throw new Error('world');
  return { schoolId, departmentId, programmeId: p.id, companyId: c.id, teamId: t.id, goalId: g.id, offerId: o.id };
}

/** A student of the world's team and programme, in a practice period with its company today. */
async function newStudent(db: Db, w: World): Promise<string> {
  const n = next();
  const [s] = await db.insert(people).values({ schoolId: w.schoolId, name: `Elev ${n}`, email: `elev${n}@praktik-matrix.example`, departmentId: w.departmentId }).returning();
  if (!s) throw new Error('student');
  await db.insert(personRoles).values({ schoolId: w.schoolId, personId: s.id, role: 'student' });
  await db.insert(personTeams).values({ schoolId: w.schoolId, personId: s.id, teamId: w.teamId });
  await db.insert(studentProgrammes).values({ schoolId: w.schoolId, studentId: s.id, programmeId: w.programmeId });
  const today = todayInCopenhagen();
  await db.insert(placements).values({ schoolId: w.schoolId, studentId: s.id, kind: 'practice', startsOn: addDays(today, -10), endsOn: addDays(today, 30), companyId: w.companyId });
  return s.id;
}

/** Authorization-matrix fixtures for companies, placements, praktikmål, offers and one student's data. */
export const internshipMatrix: FeatureMatrix = async ({ app, db, a, b, deptA, deptB, adminA, adminB }) => {
  const A = await world(db, a.id, deptA, adminA.id);
  const B = await world(db, b.id, deptB, adminB.id);
  const studentB = await newStudent(db, B);

  const rolesOf = async (c: MatrixCtx) =>
    c.self ? (await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, c.self.id))).map((r) => r.role as SchoolRole) : [];
  /**
   * The student a request is about, and the actor made what the rules look at: a teacher joins the
   * student's team, a supervisor is tied to the company; a student asks about himself (another
   * student's existence is never shown to him).
   */
  const student = async (c: MatrixCtx): Promise<{ id: string; resource: InternshipStudentResource }> => {
    const roles = await rolesOf(c);
    const self = c.self;
    if (self && roles.includes('student')) {
      return { id: self.id, resource: { kind: 'internshipStudent', studentId: self.id, departmentId: self.departmentId, teachesStudent: false, supervisesStudent: false } };
    }
    const id = await newStudent(db, A);
    if (self && roles.includes('teacher')) await db.insert(personTeams).values({ schoolId: a.id, personId: self.id, teamId: A.teamId }).onConflictDoNothing();
    if (self && roles.includes('company_supervisor')) await db.insert(supervisorCompanies).values({ schoolId: a.id, supervisorId: self.id, companyId: A.companyId }).onConflictDoNothing();
    const resource: InternshipStudentResource = {
      kind: 'internshipStudent',
      studentId: id,
      departmentId: deptA,
      teachesStudent: roles.includes('teacher'),
      supervisesStudent: roles.includes('company_supervisor'),
    };
    return { id, resource };
  };
  const company = async (c: MatrixCtx): Promise<CompanyResource> => {
    const roles = await rolesOf(c);
    if (c.self && roles.includes('company_supervisor')) {
      await db.insert(supervisorCompanies).values({ schoolId: a.id, supervisorId: c.self.id, companyId: A.companyId }).onConflictDoNothing();
    }
    return { kind: 'company', companyId: A.companyId, supervisedByActor: roles.includes('company_supervisor') };
  };
  const tiedSupervisor = async (w: World) => {
    const n = next();
    const [p] = await db.insert(people).values({ schoolId: w.schoolId, name: `Vejleder ${n}`, email: `vejleder${n}@praktik-matrix.example` }).returning();
    if (!p) throw new Error('supervisor');
    await db.insert(personRoles).values({ schoolId: w.schoolId, personId: p.id, role: 'company_supervisor' });
    await db.insert(supervisorCompanies).values({ schoolId: w.schoolId, supervisorId: p.id, companyId: w.companyId });
    return p.id;
  };
  /** A period of its own far in the future, so that no two successful requests overlap. */
  const freshPeriod = () => {
    const start = addDays('2040-01-01', next() * 3);
    return { startsOn: start, endsOn: start };
  };
  const placementOf = async (studentId: string, schoolId: string) => {
    const [p] = await db.insert(placements).values({ schoolId, studentId, kind: 'school', ...freshPeriod() }).returning();
    if (!p) throw new Error('placement');
    return p.id;
  };
  const goalCsv = () => `kode;tekst;niveau\nI${next()};Kan lægge gulv;Rutineret\n`;

  return {
    ...(await logbookMatrix({ app, db, a, b, deptA, deptB })),
    'GET /api/v1/internship/companies': { own: () => ({ url: '/api/v1/internship/companies?q=byg' }) },
    'POST /api/v1/internship/companies': { own: () => ({ url: '/api/v1/internship/companies', body: { name: `Ny virksomhed ${next()}`, cvr: nextCvr(), programmeIds: [A.programmeId] } }) },
    'GET /api/v1/internship/companies/:id': {
      own: async (c) => ({ url: `/api/v1/internship/companies/${A.companyId}`, resource: await company(c) }),
      other: () => ({ url: `/api/v1/internship/companies/${B.companyId}` }),
    },
    'PATCH /api/v1/internship/companies/:id': {
      own: async (c) => ({ url: `/api/v1/internship/companies/${A.companyId}`, body: { trade: 'Tømrer' }, resource: await company(c) }),
      other: () => ({ url: `/api/v1/internship/companies/${B.companyId}`, body: { trade: 'Hacket' } }),
    },
    'POST /api/v1/internship/companies/:id/supervisors': {
      own: async (c) => ({ url: `/api/v1/internship/companies/${A.companyId}/supervisors`, body: { name: 'Ny Vejleder', email: `ny${next()}@praktik-matrix.example` }, resource: await company(c) }),
      other: () => ({ url: `/api/v1/internship/companies/${B.companyId}/supervisors`, body: { name: 'Hacker', email: `hack${next()}@praktik-matrix.example` } }),
    },
    'DELETE /api/v1/internship/companies/:id/supervisors/:personId': {
      own: async (c) => ({ url: `/api/v1/internship/companies/${A.companyId}/supervisors/${await tiedSupervisor(A)}`, resource: await company(c) }),
      other: async () => ({ url: `/api/v1/internship/companies/${B.companyId}/supervisors/${await tiedSupervisor(B)}` }),
    },
    'GET /api/v1/internship/students': { own: () => ({ url: '/api/v1/internship/students' }) },
    'GET /api/v1/internship/students/:id/placements': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/students/${s.id}/placements`, resource: s.resource };
      },
      other: () => ({ url: `/api/v1/internship/students/${studentB}/placements` }),
    },
    'PUT /api/v1/internship/students/:id/programme': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/students/${s.id}/programme`, body: { programmeId: A.programmeId }, resource: s.resource };
      },
      other: () => ({ url: `/api/v1/internship/students/${studentB}/programme`, body: { programmeId: null } }),
    },
    'POST /api/v1/internship/placements': {
      own: async (c) => {
        const s = await student(c);
        return { url: '/api/v1/internship/placements', body: { studentId: s.id, kind: 'school', ...freshPeriod() }, resource: s.resource };
      },
      other: () => ({ url: '/api/v1/internship/placements', body: { studentId: studentB, kind: 'school', ...freshPeriod() } }),
    },
    'PATCH /api/v1/internship/placements/:id': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/placements/${await placementOf(s.id, a.id)}`, body: { note: 'Flyttet' }, resource: s.resource };
      },
      other: async () => ({ url: `/api/v1/internship/placements/${await placementOf(studentB, b.id)}`, body: { note: 'Hacket' } }),
    },
    'DELETE /api/v1/internship/placements/:id': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/placements/${await placementOf(s.id, a.id)}`, resource: s.resource };
      },
      other: async () => ({ url: `/api/v1/internship/placements/${await placementOf(studentB, b.id)}` }),
    },
    'GET /api/v1/internship/timeline': { own: () => ({ url: `/api/v1/internship/timeline?week=2027-W12&teamId=${A.teamId}` }) },
    'GET /api/v1/internship/programmes/:id/goals': {
      own: () => ({ url: `/api/v1/internship/programmes/${A.programmeId}/goals` }),
      other: () => ({ url: `/api/v1/internship/programmes/${B.programmeId}/goals` }),
    },
    'POST /api/v1/internship/programmes/:id/goals': {
      own: () => ({ url: `/api/v1/internship/programmes/${A.programmeId}/goals`, body: { code: `M${next()}`, text: 'Kan montere vinduer' } }),
      other: () => ({ url: `/api/v1/internship/programmes/${B.programmeId}/goals`, body: { code: `M${next()}`, text: 'Hacket' } }),
    },
    'POST /api/v1/internship/programmes/:id/goals/import': {
      own: () => ({ url: `/api/v1/internship/programmes/${A.programmeId}/goals/import`, body: goalCsv() }),
      other: () => ({ url: `/api/v1/internship/programmes/${B.programmeId}/goals/import`, body: goalCsv() }),
    },
    'PATCH /api/v1/internship/goals/:id': {
      own: () => ({ url: `/api/v1/internship/goals/${A.goalId}`, body: { level: 'Avanceret' } }),
      other: () => ({ url: `/api/v1/internship/goals/${B.goalId}`, body: { level: 'Hacket' } }),
    },
    'GET /api/v1/internship/programmes/:id/goals/overview': {
      own: () => ({ url: `/api/v1/internship/programmes/${A.programmeId}/goals/overview` }),
      other: () => ({ url: `/api/v1/internship/programmes/${B.programmeId}/goals/overview` }),
    },
    'PUT /api/v1/internship/programmes/:id/departments': {
      own: () => ({ url: `/api/v1/internship/programmes/${A.programmeId}/departments`, body: { departmentIds: [deptA] } }),
      other: () => ({ url: `/api/v1/internship/programmes/${B.programmeId}/departments`, body: { departmentIds: [] } }),
    },
    'GET /api/v1/internship/students/:id/goals': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/students/${s.id}/goals`, resource: s.resource };
      },
      other: () => ({ url: `/api/v1/internship/students/${studentB}/goals` }),
    },
    'PUT /api/v1/internship/students/:id/goals/:goalId': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/students/${s.id}/goals/${A.goalId}`, body: { status: 'partly', comment: 'På vej' }, resource: s.resource };
      },
      other: () => ({ url: `/api/v1/internship/students/${studentB}/goals/${B.goalId}`, body: { status: 'reached' } }),
    },
    'GET /api/v1/internship/offers': { own: () => ({ url: `/api/v1/internship/offers?departmentId=${deptA}` }) },
    'POST /api/v1/internship/offers': { own: () => ({ url: '/api/v1/internship/offers', body: { category: 'amu', title: 'AMU: Stilladsmontage', departmentId: deptA } }) },
    'PATCH /api/v1/internship/offers/:id': {
      own: () => ({ url: `/api/v1/internship/offers/${A.offerId}`, body: { description: 'To timer' } }),
      other: () => ({ url: `/api/v1/internship/offers/${B.offerId}`, body: { description: 'Hacket' } }),
    },
    'DELETE /api/v1/internship/offers/:id': {
      own: async () => {
        const [o] = await db.insert(offers).values({ schoolId: a.id, source: 'school', category: 'idv', title: `IDV ${next()}` }).returning();
        return { url: `/api/v1/internship/offers/${o?.id}` };
      },
      other: () => ({ url: `/api/v1/internship/offers/${B.offerId}` }),
    },
    'GET /api/v1/internship/students/:id/data': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/students/${s.id}/data`, resource: s.resource };
      },
      other: () => ({ url: `/api/v1/internship/students/${studentB}/data` }),
    },
    'DELETE /api/v1/internship/students/:id/data': {
      own: async (c) => {
        const s = await student(c);
        return { url: `/api/v1/internship/students/${s.id}/data`, resource: s.resource };
      },
      other: () => ({ url: `/api/v1/internship/students/${studentB}/data` }),
    },
  };
};
