import { defineFeature, type Feature } from '../../platform/feature';
import type { HomeSources } from './collect';
import { digestJob } from './digest';
import { homePersonalData } from './personal-data';
import { homeRules } from './policy';
import { homeRoutes } from './routes';

/**
 * "Min side": the one route that asks every feature's `home` hook (GET /home), the weekly digest
 * of the same items by e-mail and its unsubscribe link. The features come from features/index.ts
 * (the platform and this feature import none of them).
 */
export const homeFeature = (sources: HomeSources): Feature =>
  defineFeature({
    name: 'home',
    routes: homeRoutes(sources),
    rules: homeRules,
    jobs: (deps) => [digestJob(deps.database.db, deps.mailer, deps.config, sources)],
    personalData: homePersonalData,
  });
