import { z } from 'zod';

/*
 * The self-evaluation surveys' API contract (rounds and answering; the report's is in
 * surveys-report.ts): what each route answers and the input schemas the web also builds.
 */

/** The respondent groups, in the order that decides a person holding roles of several (docs/surveys.md). */
export const SURVEY_GROUP_KEYS = ['leader', 'teacher', 'student', 'supervisor'] as const;
export const ZSurveyGroup = z.enum(SURVEY_GROUP_KEYS);
export type TSurveyGroup = z.infer<typeof ZSurveyGroup>;
