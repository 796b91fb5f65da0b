import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { ambassadors, calendarFeeds, calendarItems, followups, indicators, initiatives, milestones, strategies, strategyVersions, technologies } from '../../db/schema/index';
import { buildPerson, type BuiltSchool } from '../../test/factories';
import type { FeatureMatrix, MatrixFixture } from '../../test/matrix';

/** Authorization-matrix fixtures for every strategy and calendar route (src/server/authorization-matrix.test.ts). */
const content = (title: string) => ({
  title,
  periodStart: '2025-08-01',
  periodEnd: '2028-07-31',
  mode: 'strategi' as const,
  vision: 'Vision',
  fpdgText: '',
  values: [],
  sigtelinjer: ['1'],
  reformGoals: [],
});

async function world(db: Db, school: BuiltSchool, deptId: string) {
  const [strategy] = await db.insert(strategies).values({ schoolId: school.id, content: content('Strategi') }).returning();
  const [central] = await db
    .insert(initiatives)
    .values({ schoolId: school.id, title: 'Central', why: 'Fordi', level: 'central', startsOn: '2025-08-01', endsOn: '2026-07-31', sigtelinjer: ['1'] })
    .returning();
  const [local] = await db
    .insert(initiatives)
    .values({ schoolId: school.id, title: 'Lokal', why: 'Fordi', level: 'department', departmentId: deptId, parentId: central?.id, startsOn: '2025-08-01', endsOn: '2026-07-31' })
    .returning();
  if (!strategy || !central || !local) throw new Error('fixture insert failed');
  const [indicator] = await db
    .insert(indicators)
    .values({ schoolId: school.id, initiativeId: local.id, name: 'Trivsel', unit: '%', baseline: 50, baselineOn: '2024-01-01', target: 80, targetOn: '2026-07-31', direction: 'increase' })
    .returning();
  const [milestone] = await db.insert(milestones).values({ schoolId: school.id, initiativeId: local.id, title: 'Milepæl', dueOn: '2026-01-15' }).returning();
  const [followup] = await db.insert(followups).values({ schoolId: school.id, initiativeId: local.id, title: 'Opfølgning', dueOn: '2026-02-01' }).returning();
  const [tech] = await db.insert(technologies).values({ schoolId: school.id, name: `Canvas ${randomUUID()}`, state: 'valgt', rationale: 'LMS', scope: 'school' }).returning();
  const [item] = await db.insert(calendarItems).values({ schoolId: school.id, source: 'calendar', sourceRef: randomUUID(), kind: 'event', title: 'Pædagogisk dag', startsOn: '2026-01-05', endsOn: '2026-01-05', departmentId: deptId }).returning();
  if (!indicator || !milestone || !followup || !tech || !item) throw new Error('fixture insert failed');
  return { strategy, central, local, indicator, milestone, followup, tech, item };
}

export const strategyMatrix: FeatureMatrix = async ({ db, a, b, deptA, deptB, adminB }) => {
  const A = await world(db, a, deptA);
  const B = await world(db, b, deptB);
  let n = 0;
  const localRes = { kind: 'initiative', level: 'department', departmentId: deptA, ownerId: null, collaboratorIds: [] };
  const scopedA = { kind: 'department_scoped', departmentId: deptA };
  const freshStrategy = async () => {
    const [s] = await db.insert(strategies).values({ schoolId: a.id, content: content(`Udkast ${++n}`) }).returning();
    return s?.id ?? '';
  };
  const freshFeed = async (schoolId: string, createdBy: string | null) => {
    const [f] = await db.insert(calendarFeeds).values({ schoolId, tokenHash: randomUUID(), createdBy }).returning();
    return f?.id ?? '';
  };
  const freshAmbassador = async (school: BuiltSchool, dept: string) => {
    const p = await buildPerson(db, school, { departmentId: dept, account: false });
    const [row] = await db.insert(ambassadors).values({ schoolId: school.id, personId: p.id, kind: 'ambassador', departmentId: dept, contact: 'Teams' }).returning();
    return row?.id ?? '';
  };
  const get = (url: string, resource?: object): MatrixFixture['own'] => () => ({ url, ...(resource ? { resource } : {}) });

  const f: Record<string, MatrixFixture> = {
    'GET /api/v1/strategy/terms': { own: get('/api/v1/strategy/terms') },
    'PUT /api/v1/strategy/terms': { own: () => ({ url: '/api/v1/strategy/terms', body: { kind: 'pedagogical_goal', key: `mal-${++n}`, label: 'Eget mål' } }) },
    'GET /api/v1/strategies': { own: get('/api/v1/strategies') },
    'POST /api/v1/strategies': { own: () => ({ url: '/api/v1/strategies', body: content(`Ny ${++n}`) }) },
    'GET /api/v1/strategies/:id': { own: get(`/api/v1/strategies/${A.strategy.id}`), other: get(`/api/v1/strategies/${B.strategy.id}`) },
    'PATCH /api/v1/strategies/:id': {
      own: () => ({ url: `/api/v1/strategies/${A.strategy.id}`, body: { vision: `Vision ${++n}` } }),
      other: () => ({ url: `/api/v1/strategies/${B.strategy.id}`, body: { vision: 'Hacket' } }),
    },
    'POST /api/v1/strategies/:id/publish': { own: async () => ({ url: `/api/v1/strategies/${await freshStrategy()}/publish` }), other: get(`/api/v1/strategies/${B.strategy.id}/publish`) },
    'GET /api/v1/strategies/:id/versions/:version': {
      own: async () => {
        const id = await freshStrategy();
        await db.insert(strategyVersions).values({ schoolId: a.id, strategyId: id, version: 1, content: content('v1'), publishedBy: 'x' });
        return { url: `/api/v1/strategies/${id}/versions/1` };
      },
      other: get(`/api/v1/strategies/${B.strategy.id}/versions/1`),
    },
    'GET /api/v1/strategies/:id/report.pdf': { own: get(`/api/v1/strategies/${A.strategy.id}/report.pdf`), other: get(`/api/v1/strategies/${B.strategy.id}/report.pdf`) },
    'GET /api/v1/strategies/:id/report.csv': { own: get(`/api/v1/strategies/${A.strategy.id}/report.csv`), other: get(`/api/v1/strategies/${B.strategy.id}/report.csv`) },
    'GET /api/v1/initiatives': { own: get('/api/v1/initiatives') },
    'POST /api/v1/initiatives': {
      own: () => ({
        url: '/api/v1/initiatives',
        body: { title: `Indsats ${++n}`, why: 'Fordi eleverne trives bedre', level: 'department', departmentId: deptA, parentId: A.central.id, startsOn: '2025-08-01', endsOn: '2026-06-30' },
        resource: localRes,
      }),
    },
    'GET /api/v1/initiatives/:id': { own: get(`/api/v1/initiatives/${A.local.id}`), other: get(`/api/v1/initiatives/${B.local.id}`) },
    'PATCH /api/v1/initiatives/:id': {
      own: () => ({ url: `/api/v1/initiatives/${A.local.id}`, body: { title: `Lokal ${++n}` }, resource: localRes }),
      other: () => ({ url: `/api/v1/initiatives/${B.local.id}`, body: { title: 'Hacket' } }),
    },
    'POST /api/v1/initiatives/:id/status': {
      own: () => ({ url: `/api/v1/initiatives/${A.local.id}/status`, body: { override: null }, resource: localRes }),
      other: () => ({ url: `/api/v1/initiatives/${B.local.id}/status`, body: { state: 'stopped', reason: 'x' } }),
    },
    'POST /api/v1/initiatives/:id/milestones': {
      own: () => ({ url: `/api/v1/initiatives/${A.local.id}/milestones`, body: { title: `M ${++n}`, dueOn: '2026-03-01' }, resource: localRes }),
      other: () => ({ url: `/api/v1/initiatives/${B.local.id}/milestones`, body: { title: 'x', dueOn: '2026-03-01' } }),
    },
    'PATCH /api/v1/milestones/:id': {
      own: () => ({ url: `/api/v1/milestones/${A.milestone.id}`, body: { title: `Milepæl ${++n}` }, resource: localRes }),
      other: () => ({ url: `/api/v1/milestones/${B.milestone.id}`, body: { done: true } }),
    },
    'POST /api/v1/initiatives/:id/indicators': {
      own: () => ({
        url: `/api/v1/initiatives/${A.local.id}/indicators`,
        body: { name: `I ${++n}`, unit: '%', baseline: 10, target: 20, targetOn: '2026-06-30', direction: 'increase' },
        resource: localRes,
      }),
      other: () => ({ url: `/api/v1/initiatives/${B.local.id}/indicators`, body: { name: 'x', unit: '%', baseline: 10, target: 20, targetOn: '2026-06-30', direction: 'increase' } }),
    },
    'POST /api/v1/indicators/:id/measurements': {
      own: () => ({ url: `/api/v1/indicators/${A.indicator.id}/measurements`, body: { value: 60, measuredOn: '2025-01-01' }, resource: localRes }),
      other: () => ({ url: `/api/v1/indicators/${B.indicator.id}/measurements`, body: { value: 60, measuredOn: '2025-01-01' } }),
    },
    'POST /api/v1/initiatives/:id/checkins': {
      own: () => ({ url: `/api/v1/initiatives/${A.local.id}/checkins`, body: { heldOn: '2025-09-01', progress: 30 }, resource: localRes }),
      other: () => ({ url: `/api/v1/initiatives/${B.local.id}/checkins`, body: { heldOn: '2025-09-01', progress: 30 } }),
    },
    'POST /api/v1/initiatives/:id/followups': {
      own: () => ({ url: `/api/v1/initiatives/${A.local.id}/followups`, body: { title: `F ${++n}`, dueOn: '2026-04-01' }, resource: localRes }),
      other: () => ({ url: `/api/v1/initiatives/${B.local.id}/followups`, body: { title: 'x', dueOn: '2026-04-01' } }),
    },
    'PATCH /api/v1/followups/:id': {
      own: () => ({ url: `/api/v1/followups/${A.followup.id}`, body: { title: `Opfølgning ${++n}` }, resource: localRes }),
      other: () => ({ url: `/api/v1/followups/${B.followup.id}`, body: { held: true } }),
    },
    'POST /api/v1/initiatives/:id/comments': {
      own: () => ({ url: `/api/v1/initiatives/${A.local.id}/comments`, body: { body: 'God idé' }, resource: localRes }),
      other: () => ({ url: `/api/v1/initiatives/${B.local.id}/comments`, body: { body: 'x' } }),
    },
    'GET /api/v1/strategy/overview': { own: get('/api/v1/strategy/overview') },
    'GET /api/v1/strategy/attention': { own: get('/api/v1/strategy/attention') },
    'GET /api/v1/strategy/scope': { own: get('/api/v1/strategy/scope') },
    'GET /api/v1/decisions': { own: get('/api/v1/decisions') },
    'POST /api/v1/decisions': {
      own: () => ({ url: '/api/v1/decisions', body: { level: 'department', departmentId: deptA, what: 'Vi bruger Canvas', why: 'Ét sted', decidedOn: '2025-06-01' }, resource: scopedA }),
    },
    'GET /api/v1/technologies': { own: get('/api/v1/technologies') },
    'POST /api/v1/technologies': { own: () => ({ url: '/api/v1/technologies', body: { name: `Tek ${++n}`, state: 'afproves', rationale: 'Feedback', scope: 'school' } }) },
    'PATCH /api/v1/technologies/:id': {
      own: () => ({ url: `/api/v1/technologies/${A.tech.id}`, body: { rationale: `R ${++n}` } }),
      other: () => ({ url: `/api/v1/technologies/${B.tech.id}`, body: { rationale: 'x' } }),
    },
    'GET /api/v1/ambassadors': { own: get('/api/v1/ambassadors') },
    'POST /api/v1/ambassadors': {
      own: async () => {
        const p = await buildPerson(db, a, { roles: ['teacher'], departmentId: deptA, account: false });
        return { url: '/api/v1/ambassadors', body: { personId: p.id, kind: 'superuser', contact: 'Lokale 12' }, resource: scopedA };
      },
    },
    'DELETE /api/v1/ambassadors/:id': {
      own: async () => ({ url: `/api/v1/ambassadors/${await freshAmbassador(a, deptA)}`, resource: scopedA }),
      other: async () => ({ url: `/api/v1/ambassadors/${await freshAmbassador(b, deptB)}` }),
    },
    'GET /api/v1/calendar': { own: get('/api/v1/calendar') },
    'POST /api/v1/calendar/items': { own: () => ({ url: '/api/v1/calendar/items', body: { title: `Dag ${++n}`, startsOn: '2026-02-02', departmentId: deptA }, resource: scopedA }) },
    'PATCH /api/v1/calendar/items/:id': {
      own: () => ({ url: `/api/v1/calendar/items/${A.item.id}`, body: { title: `Dag ${++n}` }, resource: scopedA }),
      other: () => ({ url: `/api/v1/calendar/items/${B.item.id}`, body: { cancelled: true } }),
    },
    'GET /api/v1/calendar/feeds': { own: get('/api/v1/calendar/feeds') },
    'POST /api/v1/calendar/feeds': { own: () => ({ url: '/api/v1/calendar/feeds', body: { departmentId: deptA } }) },
    'DELETE /api/v1/calendar/feeds/:id': {
      // created by someone else: only top management may revoke it (creators revoking their own is in the API tests)
      own: async () => ({ url: `/api/v1/calendar/feeds/${await freshFeed(a.id, adminB.accountId)}`, resource: { kind: 'calendar_feed', createdBy: adminB.accountId } }),
      other: async () => ({ url: `/api/v1/calendar/feeds/${await freshFeed(b.id, adminB.accountId)}` }),
    },
  };
  return f;
};
