import { z } from 'zod';
import { ZDay, ZTimestamp } from './common';

/*
 * The self-evaluation surveys' API contract (rounds and answering; the report's is in
 * surveys-report.ts): what each route answers and the input schemas the web also builds.
 */

/** The respondent groups, in the order that decides a person holding roles of several (docs/surveys.md). */
export const SURVEY_GROUP_KEYS = ['leader', 'teacher', 'student', 'supervisor'] as const;
export const ZSurveyGroup = z.enum(SURVEY_GROUP_KEYS);
export type TSurveyGroup = z.infer<typeof ZSurveyGroup>;

export const ZSurveyText = z.object({ da: z.string(), en: z.string() });
export type TSurveyText = z.input<typeof ZSurveyText>;

/** An answer on the scale: 1..5, "ved ikke / ikke relevant" or "ønsker ikke at svare". */
export const ZSurveyAnswer = z.union([z.number().int(), z.enum(['dont_know', 'no_answer'])]);
export type TSurveyAnswer = z.input<typeof ZSurveyAnswer>;

/* ---------------------------------------------------------------- settings and versions */

/** One item of the questionnaire (a default item or the school's own): its wording per group asked. */
export const ZSurveyItem = z.object({ key: z.string(), area: z.string(), texts: z.record(z.string(), ZSurveyText), optional: z.boolean(), own: z.boolean() });
export type TSurveyItem = z.input<typeof ZSurveyItem>;
export const ZSurveyAreaInfo = z.object({ key: z.string(), title: ZSurveyText, description: ZSurveyText });
export type TSurveyAreaInfo = z.input<typeof ZSurveyAreaInfo>;
/** A school's own item as the settings page edits it: one wording asked of the chosen groups. */
export const ZOwnItem = z.object({ key: z.string(), area: z.string(), groups: z.array(ZSurveyGroup), text: ZSurveyText });
export type TOwnItem = z.input<typeof ZOwnItem>;

export const ZSurveySettings = z.object({
  liveResults: z.boolean(),
  disabledItemKeys: z.array(z.string()),
  defaultItems: z.array(ZSurveyItem),
  ownItems: z.array(ZOwnItem),
  areas: z.array(ZSurveyAreaInfo),
  maxOwnItems: z.number().int(),
});
export type TSurveySettings = z.input<typeof ZSurveySettings>;

export const ZSurveySettingsPatch = z.strictObject({
  liveResults: z.boolean().optional(),
  disabledItemKeys: z.array(z.string().max(40)).max(200).optional(),
});
export type TSurveySettingsPatch = z.input<typeof ZSurveySettingsPatch>;

const ownText = z.strictObject({ da: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') });
/** PUT /surveys/own-items: the own items in use (an item left out is archived; one without a key is new). */
export const ZOwnItemsInput = z.strictObject({
  items: z
    .array(z.strictObject({ key: z.string().max(40).optional(), area: z.string().max(40), groups: z.array(ZSurveyGroup).min(1).max(4), text: ownText }))
    .max(100),
});
export type TOwnItemsInput = z.input<typeof ZOwnItemsInput>;

/* ---------------------------------------------------------------- rounds */

/** A count shown only from the anonymity threshold (null: hidden). */
const ZCount = z.number().int().nullable();

export const ZSurveyRoundStatus = z.enum(['planned', 'open', 'closed']);
export const ZSurveyRound = z.object({
  id: z.string(),
  name: z.string(),
  opensOn: ZDay,
  closesOn: ZDay,
  groups: z.array(ZSurveyGroup),
  departmentIds: z.array(z.string()).nullable(),
  status: ZSurveyRoundStatus,
  questionnaireVersion: z.number().int(),
  /** Everyone who has submitted, all groups together (a count, never who); null under the anonymity threshold. */
  submitted: z.number().int().nullable(),
  closedAt: ZTimestamp.nullable(),
  lastReminderAt: ZTimestamp.nullable(),
});
export type TSurveyRound = z.input<typeof ZSurveyRound>;

export const ZSurveyRoundInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  opensOn: ZDay,
  closesOn: ZDay,
  groups: z.array(ZSurveyGroup).max(4),
  /** null: the whole school. */
  departmentIds: z.array(z.uuid()).min(1).max(200).nullable().default(null),
});
export type TSurveyRoundInput = z.input<typeof ZSurveyRoundInput>;
export const ZSurveyRoundPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  opensOn: ZDay.optional(),
  closesOn: ZDay.optional(),
  groups: z.array(ZSurveyGroup).max(4).optional(),
  departmentIds: z.array(z.uuid()).min(1).max(200).nullable().optional(),
});
export type TSurveyRoundPatch = z.input<typeof ZSurveyRoundPatch>;

export const ZSurveyLink = z.object({ id: z.string(), group: ZSurveyGroup, departmentId: z.string().nullable(), departmentName: z.string().nullable(), revoked: z.boolean(), createdAt: ZTimestamp });
export type TSurveyLink = z.input<typeof ZSurveyLink>;

/** A round for the managers: participation per group, per department only where the anonymity module allows it, its links. */
export const ZSurveyRoundDetail = z.object({
  round: ZSurveyRound,
  participation: z.array(
    z.object({
      group: ZSurveyGroup,
      /** null: under the anonymity threshold, or hidden so that the round's total cannot give a hidden group away. */
      respondents: ZCount,
      /** Signed-in people of the group the round asks (null under the threshold, and for a group that answers through links only). */
      invited: ZCount,
      /** The group's count is hidden (respondents null). */
      suppressed: z.boolean(),
      departments: z.array(z.object({ departmentId: z.string().nullable(), name: z.string(), suppressed: z.boolean(), respondents: ZCount })),
    }),
  ),
  links: z.array(ZSurveyLink),
  mailEnabled: z.boolean(),
});
export type TSurveyRoundDetail = z.input<typeof ZSurveyRoundDetail>;

export const ZSurveyLinkInput = z.strictObject({ group: z.enum(['student', 'supervisor']), departmentId: z.uuid().nullable().default(null) });
export type TSurveyLinkInput = z.input<typeof ZSurveyLinkInput>;
/** A new link: its address is shown once (only its SHA-256 is kept), with its QR code as SVG and PNG. */
export const ZSurveyLinkCreated = z.object({ link: ZSurveyLink, path: z.string(), qrSvg: z.string(), qrPng: z.string() });
export type TSurveyLinkCreated = z.input<typeof ZSurveyLinkCreated>;

export const ZSurveyReminderResult = z.object({ enabled: z.boolean(), open: z.boolean(), pending: z.number().int(), sent: z.number().int() });
export type TSurveyReminderResult = z.input<typeof ZSurveyReminderResult>;

/* ---------------------------------------------------------------- answering */

export const ZSurveySheet = z.object({
  round: z.object({ id: z.string(), name: z.string(), closesOn: ZDay, schoolName: z.string() }),
  group: ZSurveyGroup,
  areas: z.array(z.object({ key: z.string(), title: ZSurveyText, description: ZSurveyText, items: z.array(z.object({ key: z.string(), text: ZSurveyText })) })),
  scale: z.object({ values: z.array(z.object({ value: z.number().int(), label: ZSurveyText })), dontKnow: ZSurveyText, noAnswer: ZSurveyText }),
  answers: z.record(z.string(), ZSurveyAnswer),
  comments: z.record(z.string(), z.string()),
  submitted: z.boolean(),
});
export type TSurveySheet = z.input<typeof ZSurveySheet>;

/** A partial sheet: answers and free text per area merged into the saved draft (null removes an answer). */
export const ZSurveyDraftInput = z.strictObject({
  answers: z.record(z.string().max(40), ZSurveyAnswer.nullable()).default({}),
  comments: z.record(z.string().max(40), z.string().max(4000)).default({}),
});
export type TSurveyDraftInput = z.input<typeof ZSurveyDraftInput>;
export const ZSurveyDraftSaved = z.object({ answered: z.number().int(), total: z.number().int(), submitted: z.boolean() });
export type TSurveyDraftSaved = z.input<typeof ZSurveyDraftSaved>;
