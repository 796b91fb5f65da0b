import { z } from 'zod';
import { ZAbilities, ZDay, ZTimestamp } from './common';
import { ZDialogueBoundary, ZDialogueMode, ZDialogueSlider, ZDialogueText } from './dialogue';

/**
 * After a dialogue session (docs/dialogue.md, "After the session"): the results of a closed
 * session, the comparison of two, the boundary view and "Træf beslutning". Distributions are the
 * sorted values without participant or time, and only from the dialogue threshold; under it the
 * count alone.
 */
const ZText2 = ZDialogueText;

export const ZResultsSession = z.object({
  id: z.string(),
  title: z.string(),
  mode: ZDialogueMode,
  closedAt: ZTimestamp.nullable(),
  participants: z.number().int(),
});

export const ZItemResult = z.object({
  itemId: z.string(),
  pairKey: z.string(),
  left: ZText2,
  right: ZText2,
  boundary: z.string().nullable(),
  now: ZDialogueSlider,
  wanted: ZDialogueSlider,
  /** Median wanted − median now, where both are shown. */
  shift: z.number().nullable(),
  /** The approved comments, oldest first, with the nickname if one was given (never joined to an answer). */
  comments: z.array(z.object({ text: z.string(), nickname: z.string().nullable() })),
});
export type TItemResult = z.input<typeof ZItemResult>;

/** The school's wording of the boundary types, for the tags. */
const ZBoundaries = z.array(ZDialogueBoundary.pick({ key: true, name: true }));

export const ZDialogueResults = z.object({
  session: ZResultsSession,
  items: z.array(ZItemResult),
  boundaries: ZBoundaries,
  /** `dialogueSession:decide` when the reader may turn a pair into a decision. */
  abilities: ZAbilities,
});
export type TDialogueResults = z.input<typeof ZDialogueResults>;

/** One session's side of a compared pair: medians where shown, and the shift. */
const ZSide = z.object({ now: z.number().nullable(), wanted: z.number().nullable(), shift: z.number().nullable() });

export const ZComparedPair = z.object({
  pairKey: z.string(),
  left: ZText2,
  right: ZText2,
  /** The boundary types either session tagged the pair with. */
  boundaries: z.array(z.string()),
  a: ZSide,
  b: ZSide,
  /** |median now A − median now B|, only where both are shown; the same for wanted. */
  distanceNow: z.number().nullable(),
  distanceWanted: z.number().nullable(),
  /** The larger of the two distances: what the boundary view and the order go by. */
  gap: z.number().nullable(),
});
export type TComparedPair = z.input<typeof ZComparedPair>;

export const ZBoundaryGap = z.object({
  boundary: z.string(),
  name: ZText2,
  /** Compared pairs tagged with it that have a gap. */
  pairs: z.number().int(),
  mean: z.number(),
  largest: z.number(),
  largestPairKey: z.string(),
});
export type TBoundaryGap = z.input<typeof ZBoundaryGap>;

export const ZDialogueComparison = z.object({
  a: ZResultsSession,
  b: ZResultsSession,
  pairs: z.array(ZComparedPair),
  boundaryNames: ZBoundaries,
  boundaries: z.array(ZBoundaryGap),
  abilities: ZAbilities,
});
export type TDialogueComparison = z.input<typeof ZDialogueComparison>;

export const ZCompareQuery = z.strictObject({ a: z.uuid().optional(), b: z.uuid().optional() });

/** "Træf beslutning" on a pair of a closed session, or of a comparison with a second one. */
export const ZDialogueDecisionInput = z.strictObject({
  pairKey: z.string().trim().min(1).max(80),
  compareWith: z.uuid().optional(),
  level: z.enum(['central', 'department']),
  departmentId: z.uuid().nullable().optional(),
  what: z.string().trim().min(1).max(2000),
  why: z.string().trim().min(1).max(2000),
  decidedBy: z.string().trim().max(200).optional(),
  decidedOn: ZDay,
  /** Also make an initiative draft from the decision, linked to it. */
  initiative: z.boolean().default(false),
});
export type TDialogueDecisionInput = z.input<typeof ZDialogueDecisionInput>;

export const ZDialogueDecisionCreated = z.object({ decisionId: z.string(), initiativeId: z.string().nullable() });
