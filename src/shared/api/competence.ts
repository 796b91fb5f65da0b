import { z } from 'zod';
import { ZAbilities, ZDateTime, ZDay, ZTimestamp } from './common';

/*
 * The competence module's API contract: what each route answers (the server encodes through these
 * schemas; the web takes its types from them) and the input schemas the web also builds.
 */

export const ZLocalised = z.object({ da: z.string(), en: z.string() });
export type TLocalised = z.input<typeof ZLocalised>;
export const ZLevel = z.object({ level: z.number(), title: ZLocalised, description: ZLocalised });
export type TLevel = z.input<typeof ZLevel>;

/* ---------------------------------------------------------------- frameworks */

/** What a person at one level (1–6) of a competence says about their practice: the self-assessment's answers. */
export const ZLevelStatement = z.object({ level: z.number(), text: ZLocalised });
export type TLevelStatement = z.input<typeof ZLevelStatement>;
/** `statements` is empty for areas and for competences without written statements (the level texts are shown instead). */
export const ZCompetence = z.object({ id: z.string(), code: z.string(), title: ZLocalised, description: ZLocalised, caseIdentifier: z.string(), statements: z.array(ZLevelStatement) });
export type TCompetence = z.input<typeof ZCompetence>;
/** A level below a competence (an imported framework's indicators), with the levels below it (docs/competence.md, CASE import). */
export type TIndicator = TCompetence & { items: TIndicator[] };
export const ZIndicator: z.ZodType<TIndicator, TIndicator> = ZCompetence.extend({
  get items() {
    return z.array(ZIndicator);
  },
});
export const ZArea = ZCompetence.extend({ competences: z.array(ZCompetence.extend({ items: z.array(ZIndicator) })) });
export type TArea = z.input<typeof ZArea>;

export const ZFramework = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'student']),
  caseIdentifier: z.string(),
  title: ZLocalised,
  description: ZLocalised,
  creator: z.string(),
  citation: z.string().nullable(),
  language: z.string(),
  version: z.number(),
  lastChangeAt: ZTimestamp,
  levels: z.array(ZLevel),
  areas: z.array(ZArea),
});
export type TFramework = z.input<typeof ZFramework>;

/** The framework with the answer for level 0 ("not yet", the same for every competence) and the basic-skills check the self-assessment shows. */
export const ZFrameworkWithTexts = ZFramework.extend({
  notYet: ZLocalised,
  basicChecks: z.array(ZLocalised),
});
export type TFrameworkWithTexts = z.input<typeof ZFrameworkWithTexts>;

/** What a CASE import had to assume about the file, each counted (texts: competence.framework.importNotes.<code>; docs/competence.md). */
export const ZImportNoteCode = z.enum([
  'package_unwrapped',
  'dates_without_offset',
  'identifiers_lower_cased',
  'associations_ignored',
  'duplicate_associations',
  'sequence_numbers_as_text',
  'one_level',
  'language_missing',
  'language_from_items',
  'language_unusable',
  'texts_one_language',
  'codes_generated',
  'codes_shortened',
  'statements_missing',
  'indicators',
  'default_levels',
  'rubric_ignored',
  'fields_ignored',
  'document_title_missing',
]);
export type TImportNoteCode = z.infer<typeof ZImportNoteCode>;
export const ZImportNote = z.object({ code: ZImportNoteCode, count: z.number(), values: z.array(z.string()) });
export type TImportNote = z.input<typeof ZImportNote>;
/** The imported framework as stored, with the notes of its import summary. */
export const ZFrameworkImported = ZFramework.extend({ importNotes: z.array(ZImportNote) });
export type TFrameworkImported = z.input<typeof ZFrameworkImported>;

export const ZFrameworkSummary = z.object({ id: z.string(), kind: z.string(), title: ZLocalised, version: z.number(), creator: z.string(), lastChangeAt: ZTimestamp, caseIdentifier: z.string() });
export const ZFrameworkList = z.array(ZFrameworkSummary);

export const ZFrameworkKindQuery = z.strictObject({ kind: z.enum(['staff', 'student']).default('staff') });
export const ZImportQuery = z.strictObject({ kind: z.enum(['staff', 'student']).optional() });
export const ZItemPatch = z.strictObject({
  title: z.strictObject({ da: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).optional(),
  description: z.strictObject({ da: z.string().trim().min(1).max(3000), en: z.string().trim().min(1).max(3000) }).optional(),
});

/* ---------------------------------------------------------------- settings */

/** How an open round's results move: in steps of several people, or only once the round has closed (docs/ANONYMITY.md). */
export const ZOpenRoundResults = z.enum(['steps', 'after_close']);
export const ZSettings = z.object({ leaderSeesIndividuals: z.boolean(), onboardingWindowDays: z.number(), openRoundResults: ZOpenRoundResults });
export type TSettings = z.input<typeof ZSettings>;
/**
 * The settings as one actor meets them: `abilities` on the school's competence settings and the
 * actor's own department, and `scope`, how far the actor's leadership reaches (rounds, staff status).
 */
export const ZSettingsView = ZSettings.extend({ abilities: ZAbilities, scope: z.enum(['school', 'department']) });
export type TSettingsView = z.input<typeof ZSettingsView>;
export const ZSettingsPatch = z.strictObject({
  leaderSeesIndividuals: z.boolean().optional(),
  onboardingWindowDays: z.number().int().min(0).max(365).optional(),
  openRoundResults: ZOpenRoundResults.optional(),
});

/* ---------------------------------------------------------------- rounds and assessments */

export const ZRound = z.object({
  id: z.string(),
  title: z.string(),
  frameworkId: z.string(),
  opensOn: ZDay,
  closesOn: ZDay,
  departmentIds: z.array(z.string()).nullable(),
  status: z.enum(['open', 'planned', 'closed']),
  lastReminderAt: ZTimestamp.nullable(),
});
export type TRound = z.input<typeof ZRound>;
export const ZMyRound = ZRound.extend({ eligible: z.boolean(), mySubmittedAt: ZTimestamp.nullable(), myAnswered: z.number() });
export type TMyRound = z.input<typeof ZMyRound>;
export const ZMyRoundList = z.array(ZMyRound);

export const ZRoundInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  opensOn: ZDay,
  closesOn: ZDay,
  departmentIds: z.array(z.uuid()).max(200).nullable().default(null),
  frameworkKind: z.enum(['staff', 'student']).default('staff'),
});
export type TRoundInput = z.input<typeof ZRoundInput>;
export const ZRoundPatch = z.strictObject({ title: z.string().trim().min(1).max(200).optional(), closesOn: ZDay.optional(), closed: z.literal(true).optional() });

export const ZCompletion = z.object({
  invited: z.number(),
  submitted: z.number().nullable(),
  departments: z.array(z.object({ departmentId: z.string().nullable(), name: z.string(), suppressed: z.boolean(), invited: z.number().nullable(), submitted: z.number().nullable() })),
});
export type TCompletion = z.input<typeof ZCompletion>;

export const ZReminderResult = z.object({ enabled: z.boolean(), open: z.boolean(), pending: z.number(), sent: z.number() });
export type TReminderResult = z.input<typeof ZReminderResult>;

export const ZDraft = z.object({
  round: ZRound,
  framework: ZFrameworkWithTexts,
  basicAnswers: z.array(z.boolean()).nullable(),
  answers: z.record(z.string(), z.number()),
  submittedAt: ZTimestamp.nullable(),
  settings: ZSettings,
});
export type TDraft = z.input<typeof ZDraft>;

export const ZAssessmentInput = z.strictObject({
  basicAnswers: z.array(z.boolean()).max(20).optional(),
  answers: z.array(z.strictObject({ competenceId: z.string().max(100), level: z.number().int().min(0).max(6) })).max(200).optional(),
  submit: z.boolean().optional(),
});
export type TAssessmentInput = z.input<typeof ZAssessmentInput>;
export const ZAssessmentSaved = z.object({ id: z.string(), answered: z.number(), submitted: z.boolean() });
export type TAssessmentSaved = z.input<typeof ZAssessmentSaved>;

/* ---------------------------------------------------------------- profile */

export const ZAreaLevel = z.object({ id: z.string(), mean: z.number(), level: z.number() });
export type TAreaLevel = z.input<typeof ZAreaLevel>;
export const ZProfileLevels = z.object({
  roundId: z.string(),
  roundTitle: z.string(),
  submittedAt: ZTimestamp,
  basicPassed: z.boolean(),
  competences: z.record(z.string(), z.number()),
  areas: z.array(ZAreaLevel),
});
export const ZSuggestion = z.object({
  courseId: z.string(),
  title: z.string(),
  mandatory: z.boolean(),
  format: z.string(),
  gaps: z.array(z.object({ competenceId: z.string(), level: z.number(), targetLevel: z.number() })),
  score: z.number(),
});
export type TSuggestion = z.input<typeof ZSuggestion>;
export const ZProfile = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  framework: ZFramework,
  latest: ZProfileLevels.nullable(),
  previous: ZProfileLevels.nullable(),
  history: z.array(z.object({ roundId: z.string(), roundTitle: z.string(), submittedAt: ZTimestamp, areas: z.array(ZAreaLevel) })),
  suggestions: z.array(ZSuggestion),
});
export type TProfile = z.input<typeof ZProfile>;

/* ---------------------------------------------------------------- leaders' overview */

/** A distribution as ranges of levels, each holding no one or at least the anonymity threshold (docs/ANONYMITY.md). */
const ZLevelRange = z.object({ from: z.number(), to: z.number(), count: z.number() });
const ZHeatCell = z.object({ areaId: z.string(), mean: z.number().nullable(), distribution: z.array(ZLevelRange).nullable() });
export const ZHeatRow = z.object({ departmentId: z.string().nullable(), name: z.string(), suppressed: z.boolean(), count: z.number().nullable(), cells: z.array(ZHeatCell) });
export const ZHeatmapData = z.object({
  school: z.object({ suppressed: z.boolean(), count: z.number().nullable(), cells: z.array(ZHeatCell) }),
  departments: z.array(ZHeatRow),
  /** The round is open: its figures change only in steps of several people (or at the close). */
  inSteps: z.boolean(),
});
export type THeatmapData = z.input<typeof ZHeatmapData>;
export const ZHeatmap = z.object({
  round: ZRound.nullable(),
  compare: ZRound.nullable(),
  framework: z.object({ id: z.string(), title: ZLocalised, levels: z.array(ZLevel), areas: z.array(z.object({ id: z.string(), code: z.string(), title: ZLocalised })) }).nullable(),
  current: ZHeatmapData.nullable(),
  previous: ZHeatmapData.nullable(),
  settings: ZSettings,
});
export type THeatmap = z.input<typeof ZHeatmap>;
export const ZHeatmapQuery = z.strictObject({ roundId: z.uuid().optional(), compareRoundId: z.uuid().optional(), departmentId: z.uuid().optional() });

export const ZLevelZeroList = z.array(z.object({ personId: z.string(), name: z.string(), roundTitle: z.string(), submittedAt: ZTimestamp }));
export type TLevelZeroPerson = z.input<typeof ZLevelZeroList>[number];

export const ZStaffStatus = z.object({
  scope: z.enum(['school', 'department']),
  mandatory: z.array(
    z.object({ courseId: z.string(), title: z.string(), audience: z.number(), completed: z.number(), notCompleted: z.array(z.object({ personId: z.string(), name: z.string() })) }),
  ),
  onboarding: z.array(z.object({ personId: z.string(), name: z.string(), employmentStart: ZDay.nullable(), total: z.number(), completed: z.number() })),
  onboardingCourses: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type TStaffStatus = z.input<typeof ZStaffStatus>;

export const ZNational = z.object({
  areas: z.array(z.object({ code: z.string(), title: z.string() })),
  schools: z.array(z.object({ schoolId: z.string(), name: z.string(), suppressed: z.boolean(), count: z.number().nullable(), means: z.array(z.number().nullable()) })),
  national: z.array(z.number().nullable()),
});

/* ---------------------------------------------------------------- courses */

export const COURSE_FORMATS = ['presence', 'online_mini', 'peer_training', 'diploma_module', 'vocational_technology'] as const;
const ZTarget = z.object({ competenceId: z.string(), targetLevel: z.number() });
const ZAudience = z.object({ allStaff: z.boolean(), newHires: z.boolean(), levelZero: z.boolean(), departmentIds: z.array(z.string()) });
export const ZCourse = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  mandatory: z.boolean(),
  format: z.string(),
  targets: z.array(ZTarget),
  audience: ZAudience,
  archived: z.boolean(),
});
export type TCourse = z.input<typeof ZCourse>;
export const ZSession = z.object({ id: z.string(), startsAt: ZTimestamp, place: z.string().nullable(), onlineUrl: z.string().nullable(), capacity: z.number() });
export const ZSessionSeats = ZSession.extend({ enrolled: z.number(), waiting: z.number() });
export const ZCatalogueCourse = ZCourse.extend({
  sessions: z.array(ZSessionSeats),
  myEnrolment: z
    .object({ id: z.string(), status: z.string(), sessionId: z.string().nullable(), attended: z.boolean(), completed: z.boolean(), rating: z.number().nullable(), source: z.string() })
    .nullable(),
});
export type TCatalogueCourse = z.input<typeof ZCatalogueCourse>;
export const ZCatalogue = z.array(ZCatalogueCourse);
export const ZArchivedCourse = ZCourse.extend({ archivedAt: ZTimestamp });
export type TArchivedCourse = z.input<typeof ZArchivedCourse>;
export const ZArchivedCourseList = z.array(ZArchivedCourse);

export const ZCourseInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
  mandatory: z.boolean().default(false),
  format: z.enum(COURSE_FORMATS),
  targets: z.array(z.strictObject({ competenceId: z.string().max(100), targetLevel: z.number().int().min(0).max(6) })).max(50).default([]),
  audience: z
    .strictObject({ allStaff: z.boolean().default(false), newHires: z.boolean().default(false), levelZero: z.boolean().default(false), departmentIds: z.array(z.uuid()).max(100).default([]) })
    .default({ allStaff: false, newHires: false, levelZero: false, departmentIds: [] }),
});
export type TCourseInput = z.input<typeof ZCourseInput>;
export const ZCoursePatch = ZCourseInput.partial().extend({ archived: z.boolean().optional() });
export type TCoursePatch = z.input<typeof ZCoursePatch>;
export const ZSessionInput = z.strictObject({
  startsAt: ZDateTime,
  place: z.string().trim().max(200).nullable().default(null),
  onlineUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  capacity: z.number().int().min(1).max(10_000),
});
export type TSessionInput = z.input<typeof ZSessionInput>;
export const ZEnrolInput = z.strictObject({ sessionId: z.uuid().nullable().default(null) });
export const ZProgress = z.strictObject({ attended: z.boolean().optional(), completed: z.boolean().optional() });
export const ZEvaluationInput = z.strictObject({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).default('') });

export const ZEnrolment = z.object({ id: z.string(), status: z.string(), sessionId: z.string().nullable() });
export type TEnrolment = z.input<typeof ZEnrolment>;
export const ZCancelledEnrolment = z.object({ id: z.string(), status: z.literal('cancelled'), promoted: z.string().nullable() });
export const ZParticipants = z.array(
  z.object({
    id: z.string(),
    personId: z.string(),
    name: z.string(),
    status: z.string(),
    sessionId: z.string().nullable(),
    source: z.string(),
    attended: z.boolean(),
    completed: z.boolean(),
    abilities: ZAbilities,
  }),
);
export type TParticipant = z.input<typeof ZParticipants>[number];
export const ZProgressRecorded = z.object({ id: z.string(), attended: z.boolean(), completed: z.boolean() });
export const ZEvaluated = z.object({ id: z.string(), rating: z.number() });
/** Mean rating from 5 evaluations, comments from 10; null below. */
export const ZEvaluationSummary = z.object({ count: z.number().nullable(), meanRating: z.number().nullable(), comments: z.array(z.string()).nullable() });
export type TEvaluationSummary = z.input<typeof ZEvaluationSummary>;

/* ---------------------------------------------------------------- development contracts */

export const ZContractContentInput = z.strictObject({
  goals: z.array(z.strictObject({ competenceId: z.string().max(100), targetLevel: z.number().int().min(0).max(6), note: z.string().trim().max(1000).default('') })).max(30),
  activities: z
    .array(z.strictObject({ kind: z.enum(['course', 'sidemandsoplaering', 'other']), courseId: z.uuid().nullable().default(null), description: z.string().trim().max(1000).default('') }))
    .max(30)
    .default([]),
  followUps: z.array(ZDay).max(20).default([]),
  note: z.string().trim().max(4000).default(''),
});
export type TContractContentInput = z.input<typeof ZContractContentInput>;
export const ZContractCreate = z.strictObject({ personId: z.uuid(), content: ZContractContentInput });
export const ZContractPatch = z.strictObject({ content: ZContractContentInput.optional(), status: z.enum(['draft', 'agreed', 'completed', 'cancelled']).optional() });
export type TContractPatch = z.input<typeof ZContractPatch>;

export const ZContractContent = z.object({
  goals: z.array(z.object({ competenceId: z.string(), targetLevel: z.number(), note: z.string() })),
  activities: z.array(z.object({ kind: z.enum(['course', 'sidemandsoplaering', 'other']), courseId: z.string().nullable(), description: z.string() })),
  followUps: z.array(ZDay),
  note: z.string(),
});
export type TContractContent = z.input<typeof ZContractContent>;
const ZParty = z.object({ id: z.string(), name: z.string() });
/** The actor's part in a contract: the employee it is about, or the leader who drafted it. */
const ZContractRole = z.enum(['employee', 'leader']);
export const ZContractRow = z.object({
  id: z.string(),
  person: ZParty,
  leader: ZParty,
  status: z.string(),
  version: z.number(),
  goals: z.number(),
  nextFollowUp: ZDay.nullable(),
  employeeAcknowledged: z.boolean(),
  leaderAcknowledged: z.boolean(),
  role: ZContractRole,
});
export type TContractRow = z.input<typeof ZContractRow>;
export const ZContractList = z.array(ZContractRow);
export const ZContract = z.object({
  id: z.string(),
  person: ZParty,
  leader: ZParty,
  status: z.string(),
  version: z.number(),
  content: ZContractContent,
  employeeAckAt: ZTimestamp.nullable(),
  leaderAckAt: ZTimestamp.nullable(),
  updatedAt: ZTimestamp,
  role: ZContractRole,
  abilities: ZAbilities,
  history: z.array(z.object({ version: z.number(), action: z.string(), status: z.string(), byName: z.string(), at: ZTimestamp, content: ZContractContent })),
});
export type TContract = z.input<typeof ZContract>;
