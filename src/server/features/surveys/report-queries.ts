import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  departments,
  indicators,
  initiatives,
  SURVEY_NO_DEPARTMENT,
  surveyFreeTexts,
  surveyItemTotals,
  surveyRespondentTotals,
  surveyRounds,
} from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import type { ReportSource } from './report-build';
import { versionItems } from './report-cache';
import { settingsOf } from './questionnaire';
import { statusOf, type SurveyRound } from './rounds-model';

/**
 * What the report reads: a closed round's counts; an open round's published copies when the school
 * shows live results (they move only in steps, docs/surveys.md); otherwise nothing.
 */
export type ResultsKind = 'final' | 'live' | 'none';

export async function resultsKind(exec: Executor, r: SurveyRound, today = todayInCopenhagen()): Promise<ResultsKind> {
  const status = statusOf(r, today);
  if (status === 'closed') return 'final';
  if (status === 'open' && (await settingsOf(exec, r.schoolId)).liveResults) return 'live';
  return 'none';
}

export async function loadSource(exec: Executor, r: SurveyRound, kind: ResultsKind): Promise<ReportSource> {
  const items = await versionItems(exec, r.schoolId, r.questionnaireId);
  if (kind === 'none') return { items, groups: r.groups, respondents: [], totals: [] };
  const live = kind === 'live';
  // one after the other: "Opret indsats" reads this inside its transaction (one client)
  const respondents = await exec
    .select({ group: surveyRespondentTotals.group, departmentKey: surveyRespondentTotals.departmentKey, respondents: live ? surveyRespondentTotals.published : surveyRespondentTotals.respondents })
    .from(surveyRespondentTotals)
    .where(and(eq(surveyRespondentTotals.schoolId, r.schoolId), eq(surveyRespondentTotals.roundId, r.id)));
  const totals = await exec
    .select({ group: surveyItemTotals.group, departmentKey: surveyItemTotals.departmentKey, itemKey: surveyItemTotals.itemKey, counts: live ? surveyItemTotals.published : surveyItemTotals.counts })
    .from(surveyItemTotals)
    .where(and(eq(surveyItemTotals.schoolId, r.schoolId), eq(surveyItemTotals.roundId, r.id)));
  return { items, groups: r.groups, respondents, totals };
}

/** The school's rounds closed before this one (by closing day), oldest first, that share an item key with it. */
export async function earlierRounds(exec: Executor, r: SurveyRound, itemKeys: Set<string>, today = todayInCopenhagen()): Promise<SurveyRound[]> {
  const rows = await exec
    .select()
    .from(surveyRounds)
    .where(
      and(
        eq(surveyRounds.schoolId, r.schoolId),
        sql`${surveyRounds.id} <> ${r.id}`,
        or(lt(surveyRounds.closesOn, r.closesOn), and(eq(surveyRounds.closesOn, r.closesOn), lt(surveyRounds.createdAt, r.createdAt))),
        or(isNotNull(surveyRounds.closedAt), lt(surveyRounds.closesOn, today)),
      ),
    )
    .orderBy(surveyRounds.closesOn, surveyRounds.createdAt);
  if (!rows.length) return [];
  const ids = [...new Set(rows.map((x) => x.questionnaireId))];
  const versions = await Promise.all(ids.map(async (id) => ({ id, items: await versionItems(exec, r.schoolId, id) })));
  const shares = new Set(versions.filter((q) => q.items.some((i) => itemKeys.has(i.key))).map((q) => q.id));
  return rows.filter((x) => shares.has(x.questionnaireId));
}

export async function departmentNames(exec: Executor, schoolId: string): Promise<Map<string, string>> {
  const rows = await exec.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.schoolId, schoolId));
  return new Map(rows.map((d) => [d.id, d.name]));
}

/** A closed round's free text of one group and area under a department filter (the caller has decided it may be shown). */
export async function freeTexts(exec: Executor, r: SurveyRound, group: string, departmentKey: string | null): Promise<{ area: string; text: string }[]> {
  return exec
    .select({ area: surveyFreeTexts.area, text: surveyFreeTexts.text })
    .from(surveyFreeTexts)
    .where(
      and(
        eq(surveyFreeTexts.schoolId, r.schoolId),
        eq(surveyFreeTexts.roundId, r.id),
        eq(surveyFreeTexts.group, group),
        departmentKey === null ? undefined : eq(surveyFreeTexts.departmentKey, departmentKey),
      ),
    );
}

/** Initiatives whose indicators are measured by a survey item, per group and item key. */
export async function initiativesByItem(exec: Executor, schoolId: string): Promise<Map<string, { id: string; title: string }[]>> {
  const rows = await exec
    .selectDistinct({ source: indicators.source, id: initiatives.id, title: initiatives.title })
    .from(indicators)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, indicators.schoolId), eq(initiatives.id, indicators.initiativeId)))
    .where(and(eq(indicators.schoolId, schoolId), sql`${indicators.source}->>'kind' = 'survey_item'`));
  const out = new Map<string, { id: string; title: string }[]>();
  for (const row of rows) {
    if (!row.source) continue;
    const key = `${row.source.group}|${row.source.itemKey}`;
    const list = out.get(key) ?? [];
    if (!list.some((x) => x.id === row.id)) list.push({ id: row.id, title: row.title });
    out.set(key, list);
  }
  return out;
}

export const departmentKeyOf = (departmentId: string | null | undefined) => (departmentId ? departmentId : SURVEY_NO_DEPARTMENT);
export const departmentIdOf = (key: string) => (key === SURVEY_NO_DEPARTMENT ? null : key);
