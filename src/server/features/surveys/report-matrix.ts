import type { FeatureMatrix } from '../../test/matrix';
import { todayInCopenhagen } from '../../platform/time';
import { seedItems, seedSurveyRound, type SeedSheet } from './report-seed';

/** Authorization-matrix fixtures for the report, its downloads, "Opret indsats" and the network view (re-exported by matrix.fixtures.ts). */
export const surveyReportMatrix: FeatureMatrix = async ({ db, a, b }) => {
  const today = todayInCopenhagen();
  const day = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const items = seedItems(['ledelse'], 2, ['leader', 'teacher']);
  const sheets: SeedSheet[] = Array.from({ length: 6 }, (_, i) => ({ group: 'leader', answers: { 'ledelse-1': (i % 3) + 2, 'ledelse-2': (i % 2) + 3 } }));
  const closed = (schoolId: string) => seedSurveyRound(db, schoolId, { name: 'Matrix', opensOn: day(-20), closesOn: day(-1), groups: ['leader', 'teacher'], items, closed: true, sheets });
  const A = await closed(a.id);
  const B = await closed(b.id);
  const central = { kind: 'surveyInitiative', departmentId: null };
  return {
    'GET /api/v1/surveys/rounds/:id/report': { own: () => ({ url: `/api/v1/surveys/rounds/${A.id}/report` }), other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/report` }) },
    'GET /api/v1/surveys/rounds/:id/report.csv': { own: () => ({ url: `/api/v1/surveys/rounds/${A.id}/report.csv` }), other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/report.csv` }) },
    'GET /api/v1/surveys/rounds/:id/report.pdf': { own: () => ({ url: `/api/v1/surveys/rounds/${A.id}/report.pdf` }), other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/report.pdf` }) },
    'POST /api/v1/surveys/rounds/:id/items/:key/initiative': {
      own: () => ({ url: `/api/v1/surveys/rounds/${A.id}/items/ledelse-1/initiative`, body: { groups: ['leader'] }, resource: central }),
      other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/items/ledelse-1/initiative`, body: { groups: ['leader'] } }),
    },
    'GET /api/v1/network/surveys': { own: () => ({ url: '/api/v1/network/surveys' }) },
  };
};
