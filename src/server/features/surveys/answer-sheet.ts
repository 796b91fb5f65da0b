import { and, eq, sql } from 'drizzle-orm';
import type { TSurveyGroup } from '../../../shared/api/surveys';
import type { Executor } from '../../db/client';
import { surveyDrafts, type SurveyItemSnapshot } from '../../db/schema/index';
import { AppError } from '../../platform/errors';
import { AREA_TEXTS, SCALE_LABELS, SURVEY_AREAS } from './questionnaire-data';
import { loadVersion } from './questionnaire';
import { statusOf, type SurveyRound } from './rounds-model';

/** Who answers, and where their sheet counts: a signed-in person or a link's browser. */
export type Respondent = {
  round: SurveyRound;
  group: TSurveyGroup;
  /** The department key the sheet counts under (SURVEY_NO_DEPARTMENT without one). */
  departmentKey: string;
  /** 'person:' + id or 'link:' + SHA-256 of the browser's cookie: the draft's owner and the participation row's key. */
  ownerKey: string;
  personId: string | null;
  schoolName: string;
  /** The Copenhagen day the sheet is saved or sent on (today; the demo seed writes as of its own day). */
  today?: string;
};

/** The items of the round's frozen version that the group is asked, in area order. */
export async function itemsFor(exec: Executor, round: SurveyRound, group: TSurveyGroup): Promise<SurveyItemSnapshot[]> {
  const q = await loadVersion(exec, round.schoolId, round.questionnaireId);
  return q.items.filter((i) => i.texts[group] !== undefined);
}

export const roundNotOpen = (round: SurveyRound, today?: string) => {
  const status = statusOf(round, today);
  return status === 'open'
    ? null
    : new AppError(409, status === 'closed' ? 'survey_round_closed' : 'survey_round_not_open', { fields: [{ field: 'roundId', key: `surveys.validation.round_${status}` }] });
};

export const alreadySubmitted = () => new AppError(409, 'survey_already_submitted', { fields: [{ field: 'roundId', key: 'surveys.validation.already_submitted' }] });

/** The saved draft and whether the respondent has already sent the round, in one statement (every save asks both). */
export async function draftAndSubmitted(exec: Executor, r: Respondent) {
  const [row] = await exec
    .select({
      answers: surveyDrafts.answers,
      comments: surveyDrafts.comments,
      submitted: sql<boolean>`exists (select 1 from survey_participation p where p.school_id = ${r.round.schoolId} and p.round_id = ${r.round.id} and p.respondent_key = ${r.ownerKey})`,
    })
    .from(sql`(select 1) one`)
    .leftJoin(surveyDrafts, and(eq(surveyDrafts.schoolId, r.round.schoolId), eq(surveyDrafts.roundId, r.round.id), eq(surveyDrafts.ownerKey, r.ownerKey)));
  return { answers: row?.answers ?? {}, comments: row?.comments ?? {}, submitted: row?.submitted === true };
}

const SCALE = [1, 2, 3, 4, 5] as const;

/** The answer sheet: the group's items by area with the scale's labels, and what was saved so far. */
export async function sheetFor(exec: Executor, r: Respondent) {
  const [items, { submitted, ...draft }] = await Promise.all([itemsFor(exec, r.round, r.group), draftAndSubmitted(exec, r)]);
  const areas = SURVEY_AREAS.map((key) => ({
    key,
    title: AREA_TEXTS[key].title,
    description: AREA_TEXTS[key].description,
    items: items.filter((i) => i.area === key).map((i) => ({ key: i.key, text: i.texts[r.group] ?? { da: '', en: '' } })),
  })).filter((a) => a.items.length > 0);
  return {
    round: { id: r.round.id, name: r.round.name, closesOn: r.round.closesOn, schoolName: r.schoolName },
    group: r.group,
    areas,
    scale: { values: SCALE.map((value) => ({ value, label: SCALE_LABELS.values[value] })), dontKnow: SCALE_LABELS.dontKnow, noAnswer: SCALE_LABELS.noAnswer },
    answers: submitted ? {} : draft.answers,
    comments: submitted ? {} : draft.comments,
    submitted,
  };
}
