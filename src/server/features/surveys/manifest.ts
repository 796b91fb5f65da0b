import { defineFeature } from '../../platform/feature';
import { surveyResourceActions, surveyRules } from './policy';

export const surveysFeature = defineFeature({
  name: 'surveys',
  routes: [],
  rules: surveyRules,
  resourceActions: [...surveyResourceActions],
});
