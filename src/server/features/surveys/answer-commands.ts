import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSurveyDraftInput } from '../../../shared/api/surveys';
import type { Executor } from '../../db/client';
import { surveyDrafts, surveyParticipation } from '../../db/schema/index';
import { invalid, type FieldError } from '../../platform/errors';
import { alreadySubmitted, draftAndSubmitted, itemsFor, roundNotOpen, type Respondent } from './answer-sheet';
import { addSheets, type SheetAnswer } from './totals';

type Input = z.output<typeof ZSurveyDraftInput>;

const validAnswer = (a: unknown): a is SheetAnswer => a === 'dont_know' || a === 'no_answer' || (typeof a === 'number' && Number.isInteger(a) && a >= 1 && a <= 5);

/** Checks a partial sheet against the round's version for the respondent's group: 422 naming each bad item or area. */
async function merged(exec: Executor, r: Respondent, input: Input, draft: { answers: Record<string, SheetAnswer>; comments: Record<string, string> }) {
  const items = await itemsFor(exec, r.round, r.group);
  const keys = new Set(items.map((i) => i.key));
  const areas = new Set(items.map((i) => i.area));
  const errors: FieldError[] = [];
  for (const [k, a] of Object.entries(input.answers)) {
    if (!keys.has(k)) errors.push({ field: `answers.${k}`, key: 'surveys.validation.unknown_item' });
    else if (a !== null && !validAnswer(a)) errors.push({ field: `answers.${k}`, key: 'surveys.validation.outside_scale' });
  }
  for (const k of Object.keys(input.comments)) if (!areas.has(k)) errors.push({ field: `comments.${k}`, key: 'surveys.validation.unknown_area' });
  if (errors.length) throw invalid(errors);
  const answers: Record<string, SheetAnswer> = { ...draft.answers };
  for (const [k, a] of Object.entries(input.answers)) {
    if (a === null) delete answers[k];
    else answers[k] = a;
  }
  const comments: Record<string, string> = { ...draft.comments };
  for (const [k, t] of Object.entries(input.comments)) {
    if (t.trim()) comments[k] = t.trim();
    else delete comments[k];
  }
  return { answers, comments, total: items.length };
}

/** Refuses a round that is not open and a respondent who has sent it; returns the saved draft. */
async function guard(exec: Executor, r: Respondent) {
  const closed = roundNotOpen(r.round, r.today);
  if (closed) throw closed;
  const d = await draftAndSubmitted(exec, r);
  if (d.submitted) throw alreadySubmitted();
  return d;
}

/** Saves a partial sheet into the draft (to resume later, on this device or signed in anywhere). */
export async function saveDraft(tx: Executor, r: Respondent, input: Input) {
  const draft = await guard(tx, r);
  const { answers, comments, total } = await merged(tx, r, input, draft);
  const { schoolId, id: roundId } = r.round;
  await tx
    .insert(surveyDrafts)
    .values({ schoolId, roundId, ownerKey: r.ownerKey, answers, comments })
    .onConflictDoUpdate({ target: [surveyDrafts.schoolId, surveyDrafts.roundId, surveyDrafts.ownerKey], set: { answers, comments, updatedAt: new Date() } });
  return { answered: Object.keys(answers).length, total, submitted: false };
}

/**
 * Submits the sheet (the draft with the last changes) in one transaction: the participation row
 * first (a second submission finds it and is refused, also when two arrive at once), then the
 * counts, the respondent counter, the publish step and the free text; the draft is deleted. No
 * row of the answers is kept.
 */
export async function submitSheet(tx: Executor, r: Respondent, input: Input) {
  const draft = await guard(tx, r);
  const { answers, comments, total } = await merged(tx, r, input, draft);
  if (Object.keys(answers).length === 0) throw invalid([{ field: 'answers', key: 'surveys.validation.empty_sheet' }]);
  const { schoolId, id: roundId } = r.round;
  const [took] = await tx
    .insert(surveyParticipation)
    .values({ schoolId, roundId, respondentKey: r.ownerKey, personId: r.personId })
    .onConflictDoNothing()
    .returning({ k: surveyParticipation.respondentKey });
  if (!took) throw alreadySubmitted();
  await addSheets(tx, [{ cell: { schoolId, roundId, group: r.group, departmentKey: r.departmentKey }, sheets: [{ answers, comments }] }]);
  await tx.delete(surveyDrafts).where(and(eq(surveyDrafts.schoolId, schoolId), eq(surveyDrafts.roundId, roundId), eq(surveyDrafts.ownerKey, r.ownerKey)));
  return { answered: Object.keys(answers).length, total, submitted: true };
}
