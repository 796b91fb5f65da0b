import type { FeatureMatrix } from './matrix';

/**
 * Each feature's authorization-matrix fixtures, found by name: a feature that has API routes
 * beyond the core keeps them in `features/<f>/matrix.fixtures.ts`, exporting one FeatureMatrix.
 */
const modules = import.meta.glob<Record<string, FeatureMatrix>>('../features/*/matrix.fixtures.ts', { eager: true });
export const featureMatrices: FeatureMatrix[] = Object.values(modules).flatMap((m) => Object.values(m));
