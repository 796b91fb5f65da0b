import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSurveyRoundInput, ZSurveyRoundPatch } from '../../../shared/api/surveys';
import type { Executor } from '../../db/client';
import { departments, surveyDrafts, surveyRounds } from '../../db/schema/index';
import { AppError, invalid, type FieldError } from '../../platform/errors';
import { translate } from '../../platform/messages';
import { upsertCalendarItem } from '../calendar/api';
import { onRoundClosed } from './close-effects';
import { freezeVersion } from './questionnaire';
import { statusOf, type SurveyRound } from './rounds-model';

type Input = z.output<typeof ZSurveyRoundInput>;

async function check(tx: Executor, schoolId: string, r: { opensOn: string; closesOn: string; groups: string[]; departmentIds: string[] | null }): Promise<void> {
  const errors: FieldError[] = [];
  if (r.groups.length === 0) errors.push({ field: 'groups', key: 'surveys.validation.no_group' });
  if (new Set(r.groups).size !== r.groups.length) errors.push({ field: 'groups', key: 'surveys.validation.duplicate_group' });
  if (r.closesOn < r.opensOn) errors.push({ field: 'closesOn', key: 'surveys.validation.closes_before_opens' });
  const ids = r.departmentIds ?? [];
  if (ids.length) {
    const found = new Set(
      (await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.schoolId, schoolId), inArray(departments.id, ids)))).map((d) => d.id),
    );
    ids.forEach((d, i) => {
      if (!found.has(d)) errors.push({ field: `departmentIds.${i}`, key: 'validation.unknown_department' });
    });
  }
  if (errors.length) throw invalid(errors);
}

/** The round's opening and closing days in the årshjul (the school's dated items, source 'surveys'). */
async function writeCalendar(tx: Executor, r: SurveyRound): Promise<void> {
  const item = (which: 'opens' | 'closes', day: string) =>
    upsertCalendarItem(tx, r.schoolId, {
      source: 'surveys',
      sourceRef: `${r.id}:${which}`,
      kind: 'event',
      title: translate('da', `surveys.calendar.${which}`, { name: r.name }).slice(0, 200),
      startsOn: day,
      departmentId: r.departmentIds?.length === 1 ? r.departmentIds[0] : null,
      link: '/selvevaluering',
    });
  await item('opens', r.opensOn);
  await item('closes', r.closesOn);
}

/** Creates a round on the questionnaire as it stands, frozen as a version (an unchanged questionnaire reuses its version). */
export async function createRound(tx: Executor, schoolId: string, createdBy: string | null, input: Input): Promise<SurveyRound> {
  await check(tx, schoolId, input);
  const q = await freezeVersion(tx, schoolId);
  const [r] = await tx
    .insert(surveyRounds)
    .values({ schoolId, name: input.name, opensOn: input.opensOn, closesOn: input.closesOn, groups: input.groups, departmentIds: input.departmentIds, questionnaireId: q.id, createdBy })
    .returning();
  if (!r) throw new Error('round insert failed');
  await writeCalendar(tx, r);
  return r;
}

const notWhile = (field: string) => invalid([{ field, key: 'surveys.validation.round_started' }]);

/**
 * Changes a round: anything before it opens; once open only its name and closing day (the groups,
 * departments and opening day are what people have answered under); nothing once closed.
 */
export async function updateRound(tx: Executor, before: SurveyRound, input: z.output<typeof ZSurveyRoundPatch>): Promise<SurveyRound> {
  const status = statusOf(before);
  if (status === 'closed') throw new AppError(409, 'survey_round_closed', { fields: [{ field: 'roundId', key: 'surveys.validation.round_closed' }] });
  if (status === 'open') {
    for (const f of ['opensOn', 'groups', 'departmentIds'] as const) if (input[f] !== undefined) throw notWhile(f);
  }
  const next = {
    name: input.name ?? before.name,
    opensOn: input.opensOn ?? before.opensOn,
    closesOn: input.closesOn ?? before.closesOn,
    groups: input.groups ?? before.groups,
    departmentIds: input.departmentIds !== undefined ? input.departmentIds : before.departmentIds,
  };
  await check(tx, before.schoolId, next);
  const [r] = await tx.update(surveyRounds).set(next).where(and(eq(surveyRounds.schoolId, before.schoolId), eq(surveyRounds.id, before.id))).returning();
  if (!r) throw new Error('round update failed');
  await writeCalendar(tx, r);
  return r;
}

/**
 * Closes a round (by hand or by the job): the drafts are deleted, since an unsent sheet is no
 * answer, and the close's effects on the figures follow (area means, indicator measurements).
 * A round already closed is left as it is; returns null then.
 */
export async function closeRound(tx: Executor, round: SurveyRound, at = new Date()): Promise<SurveyRound | null> {
  const [r] = await tx
    .update(surveyRounds)
    .set({ closedAt: at })
    .where(and(eq(surveyRounds.schoolId, round.schoolId), eq(surveyRounds.id, round.id), isNullClosed()))
    .returning();
  if (!r) return null;
  await tx.delete(surveyDrafts).where(and(eq(surveyDrafts.schoolId, r.schoolId), eq(surveyDrafts.roundId, r.id)));
  await onRoundClosed(tx, r);
  return r;
}

const isNullClosed = () => isNull(surveyRounds.closedAt);
