import type { FeatureMatrix } from '../../test/matrix';
import { around, seedDialogueSession } from './results-seed';

/** Authorization-matrix fixtures for the results, their downloads, the comparison and "Træf beslutning" (re-exported by matrix.fixtures.ts). */
export const dialogueResultsMatrix: FeatureMatrix = async ({ db, a, b }) => {
  const pairs = [{ key: 'centrale-decentrale-beslutninger', boundary: 'vertical' }];
  const closed = async (schoolId: string, title: string) => (await seedDialogueSession(db, schoolId, { title, pairs, answers: { 'centrale-decentrale-beslutninger': around(4, 30, 70) } })).session.id;
  const [A1, A2, B1, B2] = await Promise.all([closed(a.id, 'Lærerne'), closed(a.id, 'Ledelsen'), closed(b.id, 'Lærerne'), closed(b.id, 'Ledelsen')]);
  // a school-wide session: a department head neither reads nor decides on it (◐ follows the policy)
  const resource = { kind: 'dialogueSession', departmentId: null, createdBy: null, audienceMember: false };
  const decision = { pairKey: 'centrale-decentrale-beslutninger', level: 'central', what: 'Afdelingerne vælger selv', why: 'Workshoppen', decidedOn: '2026-11-30' };
  return {
    'GET /api/v1/dialogue/sessions/:id/results': { own: () => ({ url: `/api/v1/dialogue/sessions/${A1}/results`, resource }), other: () => ({ url: `/api/v1/dialogue/sessions/${B1}/results` }) },
    'GET /api/v1/dialogue/sessions/:id/results.csv': { own: () => ({ url: `/api/v1/dialogue/sessions/${A1}/results.csv`, resource }), other: () => ({ url: `/api/v1/dialogue/sessions/${B1}/results.csv` }) },
    'GET /api/v1/dialogue/sessions/:id/results.pdf': { own: () => ({ url: `/api/v1/dialogue/sessions/${A1}/results.pdf`, resource }), other: () => ({ url: `/api/v1/dialogue/sessions/${B1}/results.pdf` }) },
    'GET /api/v1/dialogue/compare': { own: () => ({ url: `/api/v1/dialogue/compare?a=${A1}&b=${A2}`, resource }), other: () => ({ url: `/api/v1/dialogue/compare?a=${B1}&b=${B2}` }) },
    'POST /api/v1/dialogue/sessions/:id/decisions': {
      own: () => ({ url: `/api/v1/dialogue/sessions/${A1}/decisions`, body: { ...decision, compareWith: A2 }, resource }),
      other: () => ({ url: `/api/v1/dialogue/sessions/${B1}/decisions`, body: decision }),
    },
  };
};
