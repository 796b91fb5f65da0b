import type { FeatureMatrix } from '../../test/matrix';

/** Authorization-matrix fixtures for the school's retention setting (the actor's own school; no other school's resource to address). */
export const retentionMatrix: FeatureMatrix = async () => ({
  'GET /api/v1/school/retention': { own: () => ({ url: '/api/v1/school/retention' }) },
  'PUT /api/v1/school/retention': { own: () => ({ url: '/api/v1/school/retention', body: { competenceAnswersMonths: 24 } }) },
});
