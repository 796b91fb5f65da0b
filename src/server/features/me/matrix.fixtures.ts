import type { FeatureMatrix } from '../../test/matrix';

/** Authorization-matrix fixtures for my data (no resource: always the actor's own person in the session's school). */
export const myDataMatrix: FeatureMatrix = async () => ({
  'GET /api/v1/me/data': { own: () => ({ url: '/api/v1/me/data' }) },
  'GET /api/v1/me/data.pdf': { own: () => ({ url: '/api/v1/me/data.pdf' }) },
});
