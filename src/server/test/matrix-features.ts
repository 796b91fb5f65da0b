import type { FeatureMatrix } from './matrix';
import { libraryMatrix } from '../features/library/matrix.fixtures';

/** Each feature's authorization-matrix fixtures (features/<f>/matrix.fixtures.ts), one line per feature. */
export const featureMatrices: FeatureMatrix[] = [libraryMatrix];
