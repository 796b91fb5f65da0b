import { z } from 'zod';
import { ZAbilities, ZDay, ZTimestamp } from './common';

/*
 * The dialogue module's API contract (spændingsfelter, docs/dialogue.md): templates (pairs and
 * boundary types), sessions, the live state every view reads (HTTP and WebSocket alike) and the
 * inputs participants and the facilitator send.
 */

export const DIALOGUE_BOUNDARY_KEYS = ['vertical', 'horizontal', 'stakeholder', 'demographic', 'geographic'] as const;
export const ZDialogueBoundaryKey = z.enum(DIALOGUE_BOUNDARY_KEYS);
export type TDialogueBoundaryKey = z.infer<typeof ZDialogueBoundaryKey>;

export const DIALOGUE_MODES = ['live', 'async'] as const;
export const ZDialogueMode = z.enum(DIALOGUE_MODES);
export type TDialogueMode = z.infer<typeof ZDialogueMode>;
export const ZDialogueStatus = z.enum(['draft', 'open', 'closed']);
export type TDialogueStatus = z.infer<typeof ZDialogueStatus>;
export const ZDialogueItemState = z.enum(['pending', 'open', 'locked']);
export type TDialogueItemState = z.infer<typeof ZDialogueItemState>;
export const ZDialogueResultsMode = z.enum(['live', 'after_close']);
export type TDialogueResultsMode = z.infer<typeof ZDialogueResultsMode>;
export const ZDialogueCommentStatus = z.enum(['pending', 'approved', 'hidden']);
export type TDialogueCommentStatus = z.infer<typeof ZDialogueCommentStatus>;
export const ZDialogueView = z.enum(['facilitator', 'screen', 'participant']);
export type TDialogueView = z.infer<typeof ZDialogueView>;

/** Limits the inputs and the web share. */
export const DIALOGUE_LIMITS = { nickname: 40, comment: 280, pole: 120, title: 200, items: 60, code: 6 } as const;

export const ZDialogueText = z.object({ da: z.string(), en: z.string() });
export type TDialogueText = z.input<typeof ZDialogueText>;

/* ---------------------------------------------------------------- templates */

/** A pair as the school uses it: the built-in wording or the school's, or the school's own pair. */
export const ZDialoguePair = z.object({
  /** Built-in key (`teknik-paedagogik`) or `own-<id>`: how sessions are compared. */
  key: z.string(),
  builtin: z.boolean(),
  /** The school changed the built-in wording. */
  edited: z.boolean(),
  archived: z.boolean(),
  left: ZDialogueText,
  right: ZDialogueText,
});
export type TDialoguePair = z.input<typeof ZDialoguePair>;

export const ZDialogueBoundary = z.object({ key: ZDialogueBoundaryKey, edited: z.boolean(), name: ZDialogueText, description: ZDialogueText });
export type TDialogueBoundary = z.input<typeof ZDialogueBoundary>;

export const ZDialogueTemplates = z.object({ pairs: z.array(ZDialoguePair), boundaries: z.array(ZDialogueBoundary), abilities: ZAbilities });
export type TDialogueTemplates = z.input<typeof ZDialogueTemplates>;

const pole = z.strictObject({ da: z.string().trim().min(1).max(DIALOGUE_LIMITS.pole), en: z.string().trim().max(DIALOGUE_LIMITS.pole).default('') });
/** POST /dialogue/pairs: the school's own pair. */
export const ZDialoguePairInput = z.strictObject({ left: pole, right: pole });
export type TDialoguePairInput = z.input<typeof ZDialoguePairInput>;
/** PATCH /dialogue/pairs/:key: new wording and/or archive (or restore). */
export const ZDialoguePairPatch = z.strictObject({ left: pole.optional(), right: pole.optional(), archived: z.boolean().optional() });
export type TDialoguePairPatch = z.input<typeof ZDialoguePairPatch>;
/** PUT /dialogue/boundaries/:key: the school's wording of a boundary type. */
export const ZDialogueBoundaryInput = z.strictObject({
  name: z.strictObject({ da: z.string().trim().min(1).max(80), en: z.string().trim().max(80).default('') }),
  description: z.strictObject({ da: z.string().trim().min(1).max(400), en: z.string().trim().max(400).default('') }),
});
export type TDialogueBoundaryInput = z.input<typeof ZDialogueBoundaryInput>;

/* ---------------------------------------------------------------- sessions */

/** Who an asynchronous session asks: members holding any of the roles, or of any of the departments or teams. */
export const ZDialogueAudience = z.strictObject({
  roles: z.array(z.string().max(40)).max(20).default([]),
  departmentIds: z.array(z.string().max(100)).max(200).default([]),
  teamIds: z.array(z.string().max(100)).max(500).default([]),
});
export type TDialogueAudience = z.input<typeof ZDialogueAudience>;

export const ZDialogueItem = z.object({
  id: z.string(),
  pairKey: z.string(),
  left: ZDialogueText,
  right: ZDialogueText,
  boundary: ZDialogueBoundaryKey.nullable(),
  position: z.number().int(),
  state: ZDialogueItemState,
  revealed: z.boolean(),
  commentsShown: z.boolean(),
});
export type TDialogueItem = z.input<typeof ZDialogueItem>;

export const ZDialogueSessionListItem = z.object({
  id: z.string(),
  title: z.string(),
  mode: ZDialogueMode,
  status: ZDialogueStatus,
  departmentId: z.string().nullable(),
  code: z.string().nullable(),
  itemCount: z.number().int(),
  participantCount: z.number().int(),
  opensOn: ZDay.nullable(),
  closesOn: ZDay.nullable(),
  createdAt: ZTimestamp,
  openedAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  abilities: ZAbilities,
});
export type TDialogueSessionListItem = z.input<typeof ZDialogueSessionListItem>;

export const ZDialogueSessionList = z.object({ sessions: z.array(ZDialogueSessionListItem), abilities: ZAbilities });
export type TDialogueSessionList = z.input<typeof ZDialogueSessionList>;

export const ZDialogueSession = ZDialogueSessionListItem.extend({
  joinOpen: z.boolean(),
  /** The join link's path (`/d/<CODE>`) while a live session is open. */
  joinPath: z.string().nullable(),
  currentItemId: z.string().nullable(),
  audience: z.object({ roles: z.array(z.string()), departmentIds: z.array(z.string()), teamIds: z.array(z.string()) }).nullable(),
  resultsMode: ZDialogueResultsMode,
  items: z.array(ZDialogueItem),
});
export type TDialogueSession = z.input<typeof ZDialogueSession>;

const ZItemChoice = z.strictObject({
  /** An existing item keeps its frozen wording; without an id, the pair's current wording is frozen. */
  id: z.string().max(100).optional(),
  pairKey: z.string().max(60),
  boundary: ZDialogueBoundaryKey.nullable().default(null),
});
/** POST /dialogue/sessions: a new draft. */
export const ZDialogueSessionInput = z.strictObject({
  title: z.string().trim().min(1).max(DIALOGUE_LIMITS.title),
  mode: ZDialogueMode,
  departmentId: z.string().max(100).nullable().default(null),
  items: z.array(ZItemChoice).max(DIALOGUE_LIMITS.items).default([]),
});
export type TDialogueSessionInput = z.input<typeof ZDialogueSessionInput>;
/** PATCH /dialogue/sessions/:id (a draft): title, mode, department, the asynchronous settings. */
export const ZDialogueSessionPatch = z.strictObject({
  title: z.string().trim().min(1).max(DIALOGUE_LIMITS.title).optional(),
  mode: ZDialogueMode.optional(),
  departmentId: z.string().max(100).nullable().optional(),
  audience: ZDialogueAudience.optional(),
  opensOn: ZDay.nullable().optional(),
  closesOn: ZDay.nullable().optional(),
  resultsMode: ZDialogueResultsMode.optional(),
});
export type TDialogueSessionPatch = z.input<typeof ZDialogueSessionPatch>;
/** PUT /dialogue/sessions/:id/items (a draft): the items in order; left out is removed, without id is added. */
export const ZDialogueItemsInput = z.strictObject({ items: z.array(ZItemChoice).max(DIALOGUE_LIMITS.items) });
export type TDialogueItemsInput = z.input<typeof ZDialogueItemsInput>;
/** POST /dialogue/sessions/:id/open: live needs nothing; asynchronous needs audience and dates (here or set before). */
export const ZDialogueOpenInput = z.strictObject({
  audience: ZDialogueAudience.optional(),
  opensOn: ZDay.optional(),
  closesOn: ZDay.optional(),
  resultsMode: ZDialogueResultsMode.optional(),
});
export type TDialogueOpenInput = z.input<typeof ZDialogueOpenInput>;
/** POST /dialogue/sessions/:id/copy: a new draft with the same items (wording frozen again from the session's). */
export const ZDialogueCopyInput = z.strictObject({ title: z.string().trim().min(1).max(DIALOGUE_LIMITS.title).optional() });
export type TDialogueCopyInput = z.input<typeof ZDialogueCopyInput>;

/* ---------------------------------------------------------------- the live state */

/** One slider of one item: the count always; the sorted values and the median only when shown (from the threshold, and revealed to this view). */
export const ZDialogueSlider = z.object({
  count: z.number().int(),
  shown: z.boolean(),
  values: z.array(z.number().int()).optional(),
  median: z.number().optional(),
});
export type TDialogueSlider = z.input<typeof ZDialogueSlider>;

export const ZDialogueComment = z.object({
  id: z.string(),
  itemId: z.string(),
  text: z.string(),
  nickname: z.string().nullable(),
  status: ZDialogueCommentStatus,
  createdAt: ZTimestamp,
});
export type TDialogueComment = z.input<typeof ZDialogueComment>;

export const ZLiveItem = ZDialogueItem.extend({ now: ZDialogueSlider, wanted: ZDialogueSlider, comments: z.array(ZDialogueComment) });
export type TLiveItem = z.input<typeof ZLiveItem>;

export const ZDialogueOwnAnswer = z.object({ itemId: z.string(), now: z.number().int().nullable(), wanted: z.number().int().nullable() });
export type TDialogueOwnAnswer = z.input<typeof ZDialogueOwnAnswer>;

export const ZLiveState = z.object({
  sessionId: z.string(),
  /** Grows with every change a viewer could see; a client keeps the state with the larger number. */
  version: z.number().int(),
  view: ZDialogueView,
  title: z.string(),
  mode: ZDialogueMode,
  status: ZDialogueStatus,
  joinOpen: z.boolean(),
  code: z.string().nullable(),
  currentItemId: z.string().nullable(),
  participantCount: z.number().int(),
  /** Async with live results: when the published copy was made (null: nothing published yet, or read live). */
  publishedAt: ZTimestamp.nullable(),
  items: z.array(ZLiveItem),
  /** Participant view only: this participant's own answers and nickname. */
  own: z.object({ nickname: z.string().nullable(), answers: z.array(ZDialogueOwnAnswer) }).nullable(),
  /** Facilitator view only: comments waiting for moderation, over all items. */
  pendingComments: z.array(ZDialogueComment),
});
export type TLiveState = z.input<typeof ZLiveState>;

/* ---------------------------------------------------------------- participants' input */

/** Six letters A–Z without I, L, O; lower case is accepted and upper-cased. */
export const ZDialogueCode = z
  .string()
  .trim()
  .max(20)
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-HJKMNP-Z]{6}$/, 'validation.dialogue_code'));

export const ZDialogueJoinInput = z.strictObject({
  code: ZDialogueCode,
  nickname: z.string().trim().max(DIALOGUE_LIMITS.nickname).optional(),
  /** A token from an earlier join of this browser: the same participant again. */
  token: z.string().max(100).optional(),
});
export type TDialogueJoinInput = z.input<typeof ZDialogueJoinInput>;
export const ZDialogueJoined = z.object({ sessionId: z.string(), code: z.string(), token: z.string(), nickname: z.string().nullable() });
export type TDialogueJoined = z.input<typeof ZDialogueJoined>;

const ZSliderValue = z.number().int().min(0).max(100);
/** One answer: either slider or both, integers 0–100. */
export const ZDialogueAnswerInput = z
  .strictObject({ now: ZSliderValue.optional(), wanted: ZSliderValue.optional() })
  .refine((a) => a.now !== undefined || a.wanted !== undefined, { message: 'validation.dialogue_answer_empty', path: ['now'] });
export type TDialogueAnswerInput = z.input<typeof ZDialogueAnswerInput>;
export const ZDialogueAnswerSaved = z.object({ itemId: z.string(), now: z.number().int().nullable(), wanted: z.number().int().nullable() });
export type TDialogueAnswerSaved = z.input<typeof ZDialogueAnswerSaved>;

/** PUT /dialogue/sessions/:id/my-answers: a signed-in member's answers to an asynchronous session. */
export const ZDialogueMyAnswersInput = z.strictObject({
  answers: z
    .array(
      z
        .strictObject({ itemId: z.string().max(100), now: ZSliderValue.optional(), wanted: ZSliderValue.optional() })
        .refine((a) => a.now !== undefined || a.wanted !== undefined, { message: 'validation.dialogue_answer_empty', path: ['now'] }),
    )
    .min(1)
    .max(DIALOGUE_LIMITS.items),
});
export type TDialogueMyAnswersInput = z.input<typeof ZDialogueMyAnswersInput>;
export const ZDialogueMyAnswersSaved = z.object({ answers: z.array(ZDialogueAnswerSaved) });
export type TDialogueMyAnswersSaved = z.input<typeof ZDialogueMyAnswersSaved>;

export const ZDialogueCommentInput = z.strictObject({ itemId: z.string().max(100), text: z.string().trim().min(1).max(DIALOGUE_LIMITS.comment) });
export type TDialogueCommentInput = z.input<typeof ZDialogueCommentInput>;

/* ---------------------------------------------------------------- the facilitator's input */

export const DIALOGUE_CONTROL_OPS = ['openJoin', 'closeJoin', 'goto', 'reveal', 'hide', 'lock', 'unlock', 'showComments', 'hideComments', 'close'] as const;
export const ZDialogueControlOp = z.enum(DIALOGUE_CONTROL_OPS);
export type TDialogueControlOp = z.infer<typeof ZDialogueControlOp>;
/** The ops on an item need its id (goto, reveal, hide, lock, unlock, showComments, hideComments). */
export const ZDialogueControlInput = z.strictObject({ op: ZDialogueControlOp, itemId: z.string().max(100).optional() });
export type TDialogueControlInput = z.input<typeof ZDialogueControlInput>;
export const ZDialogueModerateInput = z.strictObject({ status: z.enum(['approved', 'hidden']) });
export type TDialogueModerateInput = z.input<typeof ZDialogueModerateInput>;
