import type { FeatureMatrix } from '../../test/matrix';

/** Authorization-matrix fixtures for "Min side" (no resource: always the actor's own page in the session's school). */
export const homeMatrix: FeatureMatrix = async () => ({
  'GET /api/v1/home': { own: () => ({ url: '/api/v1/home' }) },
});
