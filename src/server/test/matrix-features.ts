import type { FeatureMatrix } from './matrix';

/** Each feature's authorization-matrix fixtures (features/<f>/matrix.fixtures.ts), one line per feature. */
export const featureMatrices: FeatureMatrix[] = [];
