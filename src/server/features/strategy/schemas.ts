import { z } from 'zod';
import { ZIsoDate, ZName } from '../../../shared/schemas';

/** Request schemas of the strategy module (strict: unknown fields are refused). */
const ZText = (max: number) => z.string().trim().max(max);
const ZKey = z.string().trim().min(1).max(60);
const ZKeys = z.array(ZKey).max(20);
const ZNumber = z.number().finite().min(-1e12).max(1e12);

export const ZVersionParams = z.strictObject({ id: z.string().max(100), version: z.coerce.number().int().min(1).max(100000) });

export const ZStrategyInput = z.strictObject({
  title: ZName,
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  mode: z.enum(['strategi', 'handleplaner']),
  vision: ZText(4000).default(''),
  fpdgText: ZText(8000).default(''),
  values: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  sigtelinjer: ZKeys.default([]),
  reformGoals: ZKeys.default([]),
  ownerId: z.uuid().nullable().optional(),
});
export const ZStrategyPatch = z.strictObject({
  title: ZName.optional(),
  periodStart: ZIsoDate.optional(),
  periodEnd: ZIsoDate.optional(),
  mode: z.enum(['strategi', 'handleplaner']).optional(),
  vision: ZText(4000).optional(),
  fpdgText: ZText(8000).optional(),
  values: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
  sigtelinjer: ZKeys.optional(),
  reformGoals: ZKeys.optional(),
  ownerId: z.uuid().nullable().optional(),
});

export const ZTermInput = z.strictObject({
  kind: z.enum(['sigtelinje', 'reform_goal', 'pedagogical_goal']),
  key: z.string().trim().min(1).max(60).regex(/^[a-z0-9_-]+$/, { error: 'validation.invalid_format' }),
  label: z.string().trim().min(1).max(200),
  archived: z.boolean().optional(),
});

export const ZInitiativeInput = z.strictObject({
  strategyId: z.uuid().nullable().optional(),
  title: ZName,
  why: z.string().trim().min(1).max(280),
  pedagogicalGoals: ZKeys.default([]),
  sigtelinjer: ZKeys.default([]),
  reformGoals: ZKeys.default([]),
  level: z.enum(['central', 'department']),
  departmentId: z.uuid().nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  collaboratorIds: z.array(z.uuid()).max(50).default([]),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
});
export type TInitiativeInput = z.infer<typeof ZInitiativeInput>;
export const ZInitiativePatch = z.strictObject({
  strategyId: z.uuid().nullable().optional(),
  title: ZName.optional(),
  why: z.string().trim().min(1).max(280).optional(),
  pedagogicalGoals: ZKeys.optional(),
  sigtelinjer: ZKeys.optional(),
  reformGoals: ZKeys.optional(),
  departmentId: z.uuid().nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  collaboratorIds: z.array(z.uuid()).max(50).optional(),
  startsOn: ZIsoDate.optional(),
  endsOn: ZIsoDate.optional(),
});
export type TInitiativePatch = z.infer<typeof ZInitiativePatch>;

export const ZStatusInput = z.strictObject({
  override: z.enum(['on_track', 'behind', 'at_risk']).nullable().optional(),
  state: z.enum(['active', 'achieved', 'stopped']).optional(),
  reason: ZText(1000).optional(),
});

export const ZInitiativeQuery = z.strictObject({
  departmentId: z.uuid().optional(),
  sigtelinje: ZKey.optional(),
  status: z.enum(['on_track', 'behind', 'at_risk', 'no_data', 'not_reached', 'achieved', 'stopped']).optional(),
  level: z.enum(['central', 'department']).optional(),
});

export const ZMilestoneInput = z.strictObject({ title: ZName, dueOn: ZIsoDate });
export const ZMilestonePatch = z.strictObject({ title: ZName.optional(), dueOn: ZIsoDate.optional(), done: z.boolean().optional(), cancelled: z.literal(true).optional() });

export const ZIndicatorInput = z.strictObject({
  name: ZName,
  unit: z.string().trim().min(1).max(40),
  baseline: ZNumber,
  baselineOn: ZIsoDate.optional(),
  target: ZNumber,
  targetOn: ZIsoDate,
  direction: z.enum(['increase', 'decrease', 'maintain']),
  tolerance: z.number().finite().min(0).max(1e12).nullable().optional(),
});
export type TIndicatorInput = z.infer<typeof ZIndicatorInput>;

export const ZMeasurementInput = z.strictObject({
  value: ZNumber,
  measuredOn: ZIsoDate,
  source: ZText(200).optional(),
  note: ZText(1000).optional(),
});

export const ZCheckinInput = z.strictObject({
  heldOn: ZIsoDate,
  progress: z.number().int().min(0).max(100),
  decisions: ZText(4000).default(''),
  nextSteps: ZText(4000).default(''),
});

export const ZFollowupInput = z.strictObject({ title: ZName, dueOn: ZIsoDate });
export const ZFollowupPatch = z.strictObject({ title: ZName.optional(), dueOn: ZIsoDate.optional(), held: z.boolean().optional() });

export const ZCommentInput = z.strictObject({ body: z.string().trim().min(1).max(2000) });

export const ZDecisionInput = z.strictObject({
  level: z.enum(['central', 'department']),
  departmentId: z.uuid().nullable().optional(),
  initiativeId: z.uuid().nullable().optional(),
  what: z.string().trim().min(1).max(2000),
  why: z.string().trim().min(1).max(2000),
  decidedBy: ZText(200).optional(),
  decidedOn: ZIsoDate,
});

export const ZTechnologyInput = z.strictObject({
  name: ZName,
  state: z.enum(['valgt', 'afproves', 'fravalgt']),
  rationale: z.string().trim().min(1).max(2000),
  deselectionReason: ZText(2000).nullable().optional(),
  scope: z.enum(['school', 'departments']),
  departmentIds: z.array(z.uuid()).max(50).default([]),
  ownerId: z.uuid().nullable().optional(),
  initiativeIds: z.array(z.uuid()).max(50).default([]),
});
export const ZTechnologyPatch = z.strictObject({
  name: ZName.optional(),
  state: z.enum(['valgt', 'afproves', 'fravalgt']).optional(),
  rationale: z.string().trim().min(1).max(2000).optional(),
  deselectionReason: ZText(2000).nullable().optional(),
  scope: z.enum(['school', 'departments']).optional(),
  departmentIds: z.array(z.uuid()).max(50).optional(),
  ownerId: z.uuid().nullable().optional(),
  initiativeIds: z.array(z.uuid()).max(50).optional(),
});

export const ZAmbassadorInput = z.strictObject({
  personId: z.uuid(),
  kind: z.enum(['ambassador', 'superuser']),
  departmentId: z.uuid().nullable().optional(),
  technologyIds: z.array(z.uuid()).max(50).default([]),
  hoursPerWeek: z.number().finite().min(0).max(60).default(0),
  contact: z.string().trim().min(1).max(500),
});

export const ZOverviewQuery = z.strictObject({ departmentId: z.uuid().optional() });
