import { z } from 'zod';
import { ZAbilities, ZDay, ZRef, ZTimestamp } from './common';

/** The strategy module's answers (issue 3): strategies, initiatives and their follow-up, valg og fravalg. */

/** 'not_reached': the target date has passed without the target being met. */
export const ZIndicatorStatus = z.enum(['on_track', 'behind', 'at_risk', 'no_data', 'not_reached']);
/** An initiative's status: its indicators' (or the override), unless it is achieved or stopped. */
export const ZStatus = z.enum(['on_track', 'behind', 'at_risk', 'no_data', 'not_reached', 'achieved', 'stopped']);
export type TStatus = z.infer<typeof ZStatus>;
const ZLevel = z.enum(['central', 'department']);
const ZMode = z.enum(['strategi', 'handleplaner']);

// ---------------------------------------------------------------- reference terms
export const ZTerm = z.object({ key: z.string(), label: z.string(), archived: z.boolean(), builtIn: z.boolean() });
export type TTerm = z.input<typeof ZTerm>;
export const ZTerms = z.object({ sigtelinje: z.array(ZTerm), reform_goal: z.array(ZTerm), pedagogical_goal: z.array(ZTerm) });
export type TTerms = z.input<typeof ZTerms>;

// ---------------------------------------------------------------- strategies
const strategyContent = {
  title: z.string(),
  periodStart: ZDay,
  periodEnd: ZDay,
  mode: ZMode,
  vision: z.string(),
  fpdgText: z.string(),
  values: z.array(z.string()),
  sigtelinjer: z.array(z.string()),
  reformGoals: z.array(z.string()),
};
export const ZStrategySummary = z.object({
  id: z.string(),
  title: z.string(),
  mode: ZMode,
  periodStart: ZDay,
  periodEnd: ZDay,
  status: z.enum(['draft', 'published']),
  version: z.number().int(),
});
export type TStrategySummary = z.input<typeof ZStrategySummary>;
export const ZStrategyList = z.array(ZStrategySummary);
export const ZStrategy = z.object({
  id: z.string(),
  ...strategyContent,
  /** The leader who answers for the strategy (one of the school's staff). */
  owner: ZRef.nullable(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  updatedAt: ZTimestamp,
  versions: z.array(z.object({ version: z.number().int(), publishedAt: ZTimestamp, publishedBy: z.string() })),
});
export type TStrategy = z.input<typeof ZStrategy>;
export const ZStrategyVersion = z.object({ id: z.string(), version: z.number().int(), publishedAt: ZTimestamp, publishedBy: z.string(), ...strategyContent });
export type TStrategyVersion = z.input<typeof ZStrategyVersion>;

// ---------------------------------------------------------------- initiatives
export const ZInitiativeItem = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  level: ZLevel,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  parentId: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  startsOn: ZDay,
  endsOn: ZDay,
  sigtelinjer: z.array(z.string()),
  reformGoals: z.array(z.string()),
  pedagogicalGoals: z.array(z.string()),
  status: ZStatus,
  computedStatus: ZIndicatorStatus,
  indicatorCount: z.number().int(),
});
export type TInitiativeItem = z.input<typeof ZInitiativeItem>;
export const ZInitiativeList = z.array(ZInitiativeItem);

export const ZMeasurement = z.object({ id: z.string(), value: z.number(), measuredOn: ZDay, source: z.string().nullable(), note: z.string().nullable() });
export const ZIndicator = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  baseline: z.number(),
  baselineOn: ZDay,
  target: z.number(),
  targetOn: ZDay,
  direction: z.enum(['increase', 'decrease', 'maintain']),
  tolerance: z.number().nullable(),
  status: ZIndicatorStatus,
  ratio: z.number().nullable(),
  latestValue: z.number().nullable(),
  latestOn: ZDay.nullable(),
  /** The expected path: a straight line from baseline to target. */
  expected: z.array(z.object({ on: ZDay, value: z.number() })),
  measurements: z.array(ZMeasurement),
});
export type TIndicator = z.input<typeof ZIndicator>;
export const ZMeasurementResult = z.object({ id: z.string(), indicatorStatus: ZIndicatorStatus, ratio: z.number().nullable() });

export const ZMilestone = z.object({ id: z.string(), title: z.string(), dueOn: ZDay, done: z.boolean() });
/** A milestone after an edit; a cancelled one is gone. */
export const ZMilestoneChange = z.union([ZMilestone, z.object({ id: z.string(), cancelled: z.literal(true) })]);
export const ZFollowup = z.object({ id: z.string(), title: z.string(), dueOn: ZDay, held: z.boolean(), overdue: z.boolean() });
export const ZCheckin = z.object({ id: z.string(), heldOn: ZDay, progress: z.number().int(), decisions: z.string(), nextSteps: z.string(), authorName: z.string() });
export const ZComment = z.object({ id: z.string(), body: z.string(), authorName: z.string(), createdAt: ZTimestamp });

export const ZInitiative = z.object({
  id: z.string(),
  strategyId: z.string().nullable(),
  title: z.string(),
  why: z.string(),
  level: ZLevel,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  parent: z.object({ id: z.string(), title: z.string() }).nullable(),
  children: z.array(z.object({ id: z.string(), title: z.string(), departmentId: z.string().nullable() })),
  owner: ZRef.nullable(),
  collaborators: z.array(ZRef),
  startsOn: ZDay,
  endsOn: ZDay,
  sigtelinjer: z.array(z.string()),
  reformGoals: z.array(z.string()),
  pedagogicalGoals: z.array(z.string()),
  status: ZStatus,
  computedStatus: ZIndicatorStatus,
  statusOverride: z.enum(['on_track', 'behind', 'at_risk']).nullable(),
  statusReason: z.string().nullable(),
  state: z.enum(['active', 'achieved', 'stopped']),
  stateReason: z.string().nullable(),
  indicators: z.array(ZIndicator),
  milestones: z.array(ZMilestone),
  checkins: z.array(ZCheckin),
  followups: z.array(ZFollowup),
  comments: z.array(ZComment),
  technologies: z.array(z.object({ id: z.string(), name: z.string(), state: z.enum(['valgt', 'afproves', 'fravalgt']) })),
  abilities: ZAbilities,
});
export type TInitiative = z.input<typeof ZInitiative>;

// ---------------------------------------------------------------- follow-up views
const ZCounts = z.object({ on_track: z.number(), behind: z.number(), at_risk: z.number(), no_data: z.number(), not_reached: z.number(), achieved: z.number(), stopped: z.number() });
export type TCounts = z.input<typeof ZCounts>;
export const ZOverdueFollowup = z.object({ id: z.string(), title: z.string(), dueOn: ZDay, initiativeId: z.string(), initiativeTitle: z.string() });
export const ZOverview = z.object({
  total: ZCounts,
  initiatives: z.number().int(),
  bySigtelinje: z.array(z.object({ key: z.string(), label: z.string(), counts: ZCounts })),
  byDepartment: z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), counts: ZCounts })),
  upcomingMilestones: z.array(z.object({ id: z.string(), title: z.string(), dueOn: ZDay, initiativeId: z.string(), initiativeTitle: z.string(), departmentId: z.string().nullable() })),
  overdueFollowups: z.array(ZOverdueFollowup.extend({ departmentId: z.string().nullable(), ownerName: z.string().nullable() })),
  offTrackIndicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unit: z.string(),
      status: ZIndicatorStatus,
      ratio: z.number().nullable(),
      latestValue: z.number().nullable(),
      target: z.number(),
      initiativeId: z.string(),
      initiativeTitle: z.string(),
    }),
  ),
});
export type TOverview = z.input<typeof ZOverview>;
export const ZAttention = z.object({ overdueFollowups: z.array(ZOverdueFollowup) });
export type TAttention = z.input<typeof ZAttention>;

/** Where the actor may add things: the school as a whole and each active department, with the actions allowed there. */
export const ZPlaces = z.object({
  schoolWide: ZAbilities,
  departments: z.array(z.object({ id: z.string(), name: z.string(), abilities: ZAbilities })),
});
export type TPlaces = z.input<typeof ZPlaces>;

// ---------------------------------------------------------------- decisions, technologies, ambassadors
export const ZDecisionSource = z.object({ kind: z.literal('dialogue'), sessionIds: z.array(z.string()), sessionTitles: z.array(z.string()), pairKey: z.string(), pairLabel: z.string() });
export type TDecisionSource = z.input<typeof ZDecisionSource>;
export const ZDecision = z.object({
  id: z.string(),
  level: ZLevel,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  initiativeId: z.string().nullable(),
  what: z.string(),
  why: z.string(),
  decidedBy: z.string(),
  decidedOn: ZDay,
  /** Made from a dialogue's results: the sessions (one, or two compared) and the pair, shown as a link back. */
  source: ZDecisionSource.nullable(),
});
export type TDecision = z.input<typeof ZDecision>;
export const ZDecisionList = z.array(ZDecision);
export const ZCreated = z.object({ id: z.string() });

export const ZTechState = z.enum(['valgt', 'afproves', 'fravalgt']);
export type TTechState = z.infer<typeof ZTechState>;
export const ZTechnology = z.object({
  id: z.string(),
  name: z.string(),
  state: ZTechState,
  rationale: z.string(),
  deselectionReason: z.string().nullable(),
  scope: z.enum(['school', 'departments']),
  departmentIds: z.array(z.string()),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  initiativeIds: z.array(z.string()),
});
export type TTechnology = z.input<typeof ZTechnology>;
export const ZTechnologySaved = z.object({ id: z.string(), name: z.string(), state: ZTechState });
export const ZPortfolio = z.object({
  items: z.array(ZTechnology),
  counts: z.object({ valgt: z.number().int(), afproves: z.number().int(), fravalgt: z.number().int() }),
  departments: z.array(z.object({ id: z.string(), name: z.string(), beyondCentral: z.array(ZTechnologySaved) })),
  /** What the actor may do with the portfolio ('strategy:manage': add and change technologies). */
  abilities: ZAbilities,
});
export type TPortfolio = z.input<typeof ZPortfolio>;

export const ZAmbassador = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  kind: z.enum(['ambassador', 'superuser']),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  technologies: z.array(ZRef),
  hoursPerWeek: z.number(),
  contact: z.string(),
  abilities: ZAbilities,
});
export type TAmbassador = z.input<typeof ZAmbassador>;
export const ZAmbassadorList = z.array(ZAmbassador);
