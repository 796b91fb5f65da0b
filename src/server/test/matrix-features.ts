import type { FeatureMatrix } from './matrix';
import { strategyMatrix } from '../features/strategy/matrix.fixtures';
import { competenceMatrix } from '../features/competence/matrix.fixtures';
import { libraryMatrix } from '../features/library/matrix.fixtures';

/** Each feature's authorization-matrix fixtures (features/<f>/matrix.fixtures.ts), one line per feature. */
export const featureMatrices: FeatureMatrix[] = [strategyMatrix, competenceMatrix, libraryMatrix];
