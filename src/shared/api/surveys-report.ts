import { z } from 'zod';
import { ZDay } from './common';
import { ZSurveyGroup, ZSurveyRoundStatus, ZSurveyText } from './surveys';

/**
 * The survey report (docs/surveys.md, "Rapporten"): figures per group, area and item, shaped by
 * the anonymity module on the server. A hidden figure is null with `suppressed: true`; counts of
 * people are null under the threshold.
 */
const ZRange = z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() });
/** Levels 0..4 are the answers 1..5, level 5 is "ved ikke / ikke relevant". */
export const ZReportCell = z.object({
  suppressed: z.boolean(),
  mean: z.number().nullable(),
  distribution: z.array(ZRange).nullable(),
  dontKnowShare: z.number().nullable(),
});
export type TReportCell = z.input<typeof ZReportCell>;
const ZRowCell = z.object({ departmentId: z.string().nullable(), cell: ZReportCell });
const ZInitiativeRef = z.object({ id: z.string(), title: z.string() });

export const ZBenchmark = z.object({ schools: z.number().int(), q1: z.number(), median: z.number(), q3: z.number() });
export type TBenchmark = z.input<typeof ZBenchmark>;

export const ZReportItem = z.object({
  key: z.string(),
  area: z.string(),
  text: ZSurveyText,
  school: ZReportCell,
  departments: z.array(ZRowCell),
  /** Initiatives whose indicators are measured by this item for this group. */
  initiatives: z.array(ZInitiativeRef),
});
export type TReportItem = z.input<typeof ZReportItem>;
export const ZReportArea = z.object({
  area: z.string(),
  title: ZSurveyText,
  school: ZReportCell,
  departments: z.array(ZRowCell),
  /** The network's quartiles for this group and area (each school's latest closed round), from 5 schools. */
  benchmark: ZBenchmark.nullable(),
});
export type TReportArea = z.input<typeof ZReportArea>;

export const ZReportGroup = z.object({
  group: ZSurveyGroup,
  respondents: z.number().int().nullable(),
  departments: z.array(z.object({ departmentId: z.string().nullable(), name: z.string(), respondents: z.number().int().nullable() })),
  areas: z.array(ZReportArea),
  items: z.array(ZReportItem),
  /** Per area: the texts in random order, or null when fewer than 10 answered (or the filter would single out a few). */
  freeText: z.array(z.object({ area: z.string(), texts: z.array(z.string()).nullable() })),
});
export type TReportGroup = z.input<typeof ZReportGroup>;

const ZGapRow = z.object({ key: z.string(), area: z.string(), text: ZSurveyText, a: z.number(), b: z.number(), gap: z.number() });
const ZChange = z.object({ group: ZSurveyGroup, key: z.string(), area: z.string(), text: ZSurveyText, previous: z.number(), current: z.number(), change: z.number() });

export const ZSurveyReport = z.object({
  round: z.object({ id: z.string(), name: z.string(), opensOn: ZDay, closesOn: ZDay, status: ZSurveyRoundStatus, groups: z.array(ZSurveyGroup) }),
  /** final: a closed round; live: an open round's published figures (the school's setting); none: nothing before the close. */
  results: z.enum(['final', 'live', 'none']),
  filter: z.object({ group: ZSurveyGroup.nullable(), departmentId: z.string().nullable(), compare: z.tuple([ZSurveyGroup, ZSurveyGroup]) }),
  departmentOptions: z.array(z.object({ id: z.string(), name: z.string() })),
  groups: z.array(ZReportGroup),
  gap: z.object({ items: z.array(ZGapRow), areas: z.array(ZGapRow) }),
  trend: z.object({
    rounds: z.array(z.object({ id: z.string(), name: z.string(), closesOn: ZDay })),
    areas: z.array(z.object({ group: ZSurveyGroup, area: z.string(), title: ZSurveyText, points: z.array(z.object({ roundId: z.string(), mean: z.number().nullable() })) })),
    changes: z.array(ZChange),
  }),
  firstLook: z.object({
    gaps: z.array(ZGapRow),
    lowest: z.array(z.object({ group: ZSurveyGroup, key: z.string(), area: z.string(), text: ZSurveyText, mean: z.number() })),
    falls: z.array(ZChange),
  }),
  abilities: z.array(z.string()),
});
export type TSurveyReport = z.input<typeof ZSurveyReport>;

const ZGroupPair = z.string().regex(/^(leader|teacher|student|supervisor),(leader|teacher|student|supervisor)$/, { error: 'validation.invalid_format' });
export const ZSurveyReportQuery = z.strictObject({
  group: ZSurveyGroup.optional(),
  /** A department's id, or 'none' for respondents without a department. */
  department: z.union([z.uuid(), z.literal('none')]).optional(),
  compare: ZGroupPair.optional(),
});
export type TSurveyReportQuery = z.input<typeof ZSurveyReportQuery>;

/** "Opret indsats" on an item: the group(s) whose answers the initiative starts from (two: their gap). */
export const ZSurveyInitiativeInput = z.strictObject({
  groups: z.array(ZSurveyGroup).min(1).max(2),
  departmentId: z.uuid().nullable().default(null),
});
export type TSurveyInitiativeInput = z.input<typeof ZSurveyInitiativeInput>;
export const ZSurveyInitiativeCreated = z.object({ initiativeId: z.string(), indicatorIds: z.array(z.string()) });

/** The coordinator's view: the network's quartiles and each school's participation in its latest round (counts only). */
export const ZSurveyNetwork = z.object({
  benchmark: z.array(z.object({ group: ZSurveyGroup, area: z.string(), title: ZSurveyText, benchmark: ZBenchmark })),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      name: z.string(),
      round: z.object({ name: z.string(), closesOn: ZDay, status: ZSurveyRoundStatus }).nullable(),
      /** Respondents per group; null under the anonymity threshold. */
      groups: z.array(z.object({ group: ZSurveyGroup, suppressed: z.boolean(), respondents: z.number().int().nullable() })),
    }),
  ),
});
export type TSurveyNetwork = z.input<typeof ZSurveyNetwork>;
