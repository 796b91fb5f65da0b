import { competenceContracts, competenceCourses, competenceEnrolments, competenceRounds, competenceSessions, competenceSettings } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { FeatureMatrix, MatrixCtx } from '../../test/matrix';
import { todayInCopenhagen } from '../../platform/time';
import { isEligible } from './assessments';
import { ensureFramework, loadFramework, competencesOf } from './frameworks';
import { MOODLE_COLUMNS, toCase } from './exchange';

/** Authorization-matrix fixtures for every competence route: own school (school A) and school B's resource. */
export const competenceMatrix: FeatureMatrix = async ({ db, a, b, deptA, deptB }) => {
  const today = todayInCopenhagen();
  const setup = async (schoolId: string, departmentId: string) => {
    const frameworkId = await ensureFramework(db, schoolId, 'staff');
    const fw = await loadFramework(db, schoolId, frameworkId);
    if (!fw) throw new Error('no framework');
    const [round] = await db.insert(competenceRounds).values({ schoolId, frameworkId, title: 'Matrix', opensOn: today, closesOn: today }).returning();
    const [course] = await db.insert(competenceCourses).values({ schoolId, title: 'Matrixforløb', format: 'presence', targets: [], audience: { allStaff: true, newHires: false, levelZero: false, departmentIds: [departmentId] } }).returning();
    if (!round || !course) throw new Error('setup failed');
    return { fw, round, course, competence: competencesOf(fw)[0]?.id ?? '', item: fw.areas[0]?.id ?? '' };
  };
  const A = await setup(a.id, deptA);
  const B = await setup(b.id, deptB);
  await db.insert(competenceSettings).values({ schoolId: a.id, leaderSeesIndividuals: true });
  let n = 0;
  const actorOrTarget = (c: MatrixCtx) => c.self ?? c.targetA;
  const newCourse = async (d: Db, schoolId: string) => {
    const [c] = await d.insert(competenceCourses).values({ schoolId, title: `Forløb ${++n}`, format: 'online_mini', targets: [], audience: { allStaff: true, newHires: false, levelZero: false, departmentIds: [] } }).returning();
    if (!c) throw new Error('course');
    return c;
  };
  const enrolment = async (schoolId: string, personId: string, attended = false) => {
    const c = await newCourse(db, schoolId);
    const [e] = await db.insert(competenceEnrolments).values({ schoolId, courseId: c.id, personId, status: 'enrolled', source: 'self', attended }).returning();
    if (!e) throw new Error('enrolment');
    return e;
  };
  const contract = async (schoolId: string, personId: string, leaderPersonId: string) => {
    const [k] = await db
      .insert(competenceContracts)
      .values({ schoolId, personId, leaderPersonId, status: 'draft', content: { goals: [], activities: [], followUps: [], note: '' } })
      .returning();
    if (!k) throw new Error('contract');
    return k;
  };
  const goal = () => ({ goals: [{ competenceId: A.competence, targetLevel: 3, note: '' }] });
  const profile = (c: MatrixCtx) => ({ kind: 'competenceProfile', personId: c.targetA.id, departmentId: c.targetA.departmentId, staff: true, leaderSeesIndividuals: true });
  const ownPkg = toCase(A.fw, new Map());
  const pkg = () => ({ ...ownPkg, CFDocument: { ...ownPkg.CFDocument, identifier: ownPkg.CFDocument.identifier } });
  const moodle = () => `${MOODLE_COLUMNS.join(',')}\r\n,fw${++n},Ramme,,1,,,,,,,,1,"domain,competency"\r\n`;
  const [sessionB] = await db.insert(competenceSessions).values({ schoolId: b.id, courseId: B.course.id, startsAt: new Date(), place: 'x', capacity: 5 }).returning();

  return {
    'GET /api/v1/competence/framework': { own: () => ({ url: '/api/v1/competence/framework' }) },
    'GET /api/v1/competence/settings': { own: () => ({ url: '/api/v1/competence/settings' }) },
    'PATCH /api/v1/competence/settings': { own: () => ({ url: '/api/v1/competence/settings', body: { leaderSeesIndividuals: true } }) },
    'GET /api/v1/competence/rounds': { own: () => ({ url: '/api/v1/competence/rounds' }) },
    'POST /api/v1/competence/rounds': { own: () => ({ url: '/api/v1/competence/rounds', body: { title: `Runde ${++n}`, opensOn: today, closesOn: today } }) },
    'PATCH /api/v1/competence/rounds/:id': {
      own: () => ({ url: `/api/v1/competence/rounds/${A.round.id}`, body: { title: 'Matrix' }, resource: { kind: 'competenceRoundScope', departmentIds: null } }),
      other: () => ({ url: `/api/v1/competence/rounds/${B.round.id}`, body: { closed: true } }),
    },
    'GET /api/v1/competence/rounds/:id/completion': { own: () => ({ url: `/api/v1/competence/rounds/${A.round.id}/completion` }), other: () => ({ url: `/api/v1/competence/rounds/${B.round.id}/completion` }) },
    'POST /api/v1/competence/rounds/:id/reminders': {
      own: () => ({ url: `/api/v1/competence/rounds/${A.round.id}/reminders`, resource: { kind: 'competenceRoundScope', departmentIds: null } }), other: () => ({ url: `/api/v1/competence/rounds/${B.round.id}/reminders` }) },
    'GET /api/v1/competence/rounds/:id/assessment': { own: () => ({ url: `/api/v1/competence/rounds/${A.round.id}/assessment` }), other: () => ({ url: `/api/v1/competence/rounds/${B.round.id}/assessment` }) },
    'PUT /api/v1/competence/rounds/:id/assessment': {
      own: async (c) => ({
        url: `/api/v1/competence/rounds/${A.round.id}/assessment`,
        body: { answers: [{ competenceId: A.competence, level: 2 }] },
        resource: { kind: 'competenceRound', eligible: c.self ? await isEligible(db, a.id, A.round, c.self.id) : false },
      }),
      other: () => ({ url: `/api/v1/competence/rounds/${B.round.id}/assessment`, body: { answers: [] } }),
    },
    'GET /api/v1/competence/people/:id/profile': { own: (c) => ({ url: `/api/v1/competence/people/${c.targetA.id}/profile`, resource: profile(c) }), other: (c) => ({ url: `/api/v1/competence/people/${c.targetB.id}/profile` }) },
    'GET /api/v1/competence/people/:id/export': {
      own: (c) => {
        const p = actorOrTarget(c);
        return { url: `/api/v1/competence/people/${p.id}/export`, resource: { kind: 'competenceProfile', personId: p.id, departmentId: p.departmentId, staff: true, leaderSeesIndividuals: true } };
      },
      other: (c) => ({ url: `/api/v1/competence/people/${c.targetB.id}/export` }),
    },
    'GET /api/v1/competence/heatmap': { own: () => ({ url: `/api/v1/competence/heatmap?roundId=${A.round.id}` }), other: () => ({ url: `/api/v1/competence/heatmap?roundId=${B.round.id}` }) },
    'GET /api/v1/competence/national': { own: () => ({ url: '/api/v1/competence/national' }) },
    'GET /api/v1/competence/level-zero': { own: () => ({ url: '/api/v1/competence/level-zero', resource: { kind: 'competenceSetting', leaderSeesIndividuals: true } }) },
    'GET /api/v1/competence/staff-status': { own: () => ({ url: '/api/v1/competence/staff-status' }) },
    'GET /api/v1/competence/courses': { own: () => ({ url: '/api/v1/competence/courses' }) },
    'GET /api/v1/competence/courses/archived': { own: () => ({ url: '/api/v1/competence/courses/archived' }) },
    'POST /api/v1/competence/courses': { own: () => ({ url: '/api/v1/competence/courses', body: { title: `Nyt forløb ${++n}`, format: 'presence' } }) },
    'PATCH /api/v1/competence/courses/:id': {
      own: () => ({ url: `/api/v1/competence/courses/${A.course.id}`, body: { title: 'Matrixforløb' } }),
      other: () => ({ url: `/api/v1/competence/courses/${B.course.id}`, body: { title: 'Hacket' } }),
    },
    'POST /api/v1/competence/courses/:id/sessions': {
      own: () => ({ url: `/api/v1/competence/courses/${A.course.id}/sessions`, body: { startsAt: '2030-01-01T08:00:00Z', place: 'Lokale 1', capacity: 10 } }),
      other: () => ({ url: `/api/v1/competence/courses/${B.course.id}/sessions`, body: { startsAt: '2030-01-01T08:00:00Z', place: 'x', capacity: 10 } }),
    },
    'POST /api/v1/competence/courses/:id/enrolments': {
      own: async () => ({ url: `/api/v1/competence/courses/${(await newCourse(db, a.id)).id}/enrolments`, body: {} }),
      other: () => ({ url: `/api/v1/competence/courses/${B.course.id}/enrolments`, body: { sessionId: sessionB?.id ?? null } }),
    },
    'DELETE /api/v1/competence/enrolments/:id': {
      own: async (c) => {
        const e = await enrolment(a.id, actorOrTarget(c).id);
        return { url: `/api/v1/competence/enrolments/${e.id}`, resource: { kind: 'competenceEnrolment', personId: e.personId } };
      },
      other: async (c) => ({ url: `/api/v1/competence/enrolments/${(await enrolment(b.id, c.targetB.id)).id}` }),
    },
    'GET /api/v1/competence/courses/:id/participants': { own: () => ({ url: `/api/v1/competence/courses/${A.course.id}/participants` }), other: () => ({ url: `/api/v1/competence/courses/${B.course.id}/participants` }) },
    'PATCH /api/v1/competence/enrolments/:id': {
      own: async (c) => ({
        url: `/api/v1/competence/enrolments/${(await enrolment(a.id, c.targetA.id)).id}`,
        body: { attended: true },
        resource: { kind: 'competenceProgress', departmentId: c.targetA.departmentId },
      }),
      other: async (c) => ({ url: `/api/v1/competence/enrolments/${(await enrolment(b.id, c.targetB.id)).id}`, body: { attended: true } }),
    },
    'POST /api/v1/competence/enrolments/:id/evaluation': {
      own: async (c) => {
        const e = await enrolment(a.id, actorOrTarget(c).id, true);
        return { url: `/api/v1/competence/enrolments/${e.id}/evaluation`, body: { rating: 4 }, resource: { kind: 'competenceEnrolment', personId: e.personId } };
      },
      other: async (c) => ({ url: `/api/v1/competence/enrolments/${(await enrolment(b.id, c.targetB.id, true)).id}/evaluation`, body: { rating: 1 } }),
    },
    'GET /api/v1/competence/courses/:id/evaluation': { own: () => ({ url: `/api/v1/competence/courses/${A.course.id}/evaluation` }), other: () => ({ url: `/api/v1/competence/courses/${B.course.id}/evaluation` }) },
    'GET /api/v1/competence/contracts': { own: () => ({ url: '/api/v1/competence/contracts' }) },
    'POST /api/v1/competence/contracts': {
      own: (c) => ({ url: '/api/v1/competence/contracts', body: { personId: c.targetA.id, content: goal() }, resource: { kind: 'competenceStaff', personId: c.targetA.id, departmentId: c.targetA.departmentId } }),
    },
    'GET /api/v1/competence/contracts/:id': {
      own: async (c) => {
        const k = await contract(a.id, c.targetA.id, actorOrTarget(c).id);
        return { url: `/api/v1/competence/contracts/${k.id}`, resource: { kind: 'competenceContract', personId: k.personId, leaderPersonId: k.leaderPersonId } };
      },
      other: async (c) => ({ url: `/api/v1/competence/contracts/${(await contract(b.id, c.targetB.id, c.targetB.id)).id}` }),
    },
    'PATCH /api/v1/competence/contracts/:id': {
      own: async (c) => {
        const k = await contract(a.id, c.targetA.id, actorOrTarget(c).id);
        return { url: `/api/v1/competence/contracts/${k.id}`, body: { status: 'cancelled' }, resource: { kind: 'competenceContract', personId: k.personId, leaderPersonId: k.leaderPersonId } };
      },
      other: async (c) => ({ url: `/api/v1/competence/contracts/${(await contract(b.id, c.targetB.id, c.targetB.id)).id}`, body: { status: 'cancelled' } }),
    },
    'POST /api/v1/competence/contracts/:id/acknowledge': {
      own: async (c) => {
        const k = await contract(a.id, c.targetA.id, actorOrTarget(c).id);
        return { url: `/api/v1/competence/contracts/${k.id}/acknowledge`, resource: { kind: 'competenceContract', personId: k.personId, leaderPersonId: k.leaderPersonId } };
      },
      other: async (c) => ({ url: `/api/v1/competence/contracts/${(await contract(b.id, c.targetB.id, c.targetB.id)).id}/acknowledge` }),
    },
    'GET /api/v1/competence/frameworks': { own: () => ({ url: '/api/v1/competence/frameworks' }) },
    'GET /api/v1/competence/frameworks/:id/case': { own: () => ({ url: `/api/v1/competence/frameworks/${A.fw.id}/case` }), other: () => ({ url: `/api/v1/competence/frameworks/${B.fw.id}/case` }) },
    'GET /api/v1/competence/frameworks/:id/moodle': { own: () => ({ url: `/api/v1/competence/frameworks/${A.fw.id}/moodle` }), other: () => ({ url: `/api/v1/competence/frameworks/${B.fw.id}/moodle` }) },
    'POST /api/v1/competence/frameworks/case': { own: () => ({ url: '/api/v1/competence/frameworks/case?kind=student', body: pkg() }) },
    'POST /api/v1/competence/frameworks/moodle': { own: () => ({ url: '/api/v1/competence/frameworks/moodle?kind=student', body: moodle() }) },
    'PATCH /api/v1/competence/items/:id': {
      own: () => ({ url: `/api/v1/competence/items/${A.item}`, body: { title: { da: 'Professionelt engagement', en: 'Professional engagement' } } }),
      other: () => ({ url: `/api/v1/competence/items/${B.item}`, body: { title: { da: 'Hacket', en: 'Hacked' } } }),
    },
  };
};
