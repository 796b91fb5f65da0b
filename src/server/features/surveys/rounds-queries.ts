import { and, desc, eq, sql } from 'drizzle-orm';
import type { TSurveyGroup } from '../../../shared/api/surveys';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { departments, people, SURVEY_NO_DEPARTMENT, surveyLinks, surveyQuestionnaires, surveyRespondentTotals, surveyRounds } from '../../db/schema/index';
import { THRESHOLD, suppress } from '../../platform/anonymity';

/** A count of people on its own: shown when none or at least the threshold. */
const shownCount = (n: number): number | null => (n === 0 || n >= THRESHOLD ? n : null);
import { isLinkGroup } from './groups';
import { askedWhere, groupSql, statusOf, type SurveyRound } from './rounds-model';

export async function presentRound(exec: Executor, r: SurveyRound) {
  const [[q], [n]] = await Promise.all([
    exec.select({ version: surveyQuestionnaires.version }).from(surveyQuestionnaires).where(and(eq(surveyQuestionnaires.schoolId, r.schoolId), eq(surveyQuestionnaires.id, r.questionnaireId))),
    exec
      .select({ n: sql<number>`coalesce(sum(${surveyRespondentTotals.respondents}), 0)::int` })
      .from(surveyRespondentTotals)
      .where(and(eq(surveyRespondentTotals.schoolId, r.schoolId), eq(surveyRespondentTotals.roundId, r.id))),
  ]);
  return {
    id: r.id,
    name: r.name,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    groups: r.groups as TSurveyGroup[],
    departmentIds: r.departmentIds,
    status: statusOf(r),
    questionnaireVersion: q?.version ?? 0,
    submitted: shownCount(n?.n ?? 0),
    closedAt: r.closedAt,
    lastReminderAt: r.lastReminderAt,
  };
}

/** The school's rounds, newest first. */
export async function listRounds(exec: Executor, schoolId: string) {
  const rows = await exec.select().from(surveyRounds).where(eq(surveyRounds.schoolId, schoolId)).orderBy(desc(surveyRounds.opensOn), desc(surveyRounds.createdAt));
  return Promise.all(rows.map((r) => presentRound(exec, r)));
}

export async function linksOf(exec: Executor, r: SurveyRound) {
  const rows = await exec
    .select({ link: surveyLinks, departmentName: departments.name })
    .from(surveyLinks)
    .leftJoin(departments, and(eq(departments.schoolId, surveyLinks.schoolId), eq(departments.id, surveyLinks.departmentId)))
    .where(and(eq(surveyLinks.schoolId, r.schoolId), eq(surveyLinks.roundId, r.id)))
    .orderBy(surveyLinks.createdAt);
  return rows.map(({ link, departmentName }) => presentLink(link, departmentName));
}

export const presentLink = (l: typeof surveyLinks.$inferSelect, departmentName: string | null) => ({
  id: l.id,
  group: l.group as TSurveyGroup,
  departmentId: l.departmentId,
  departmentName,
  revoked: l.revokedAt !== null,
  createdAt: l.createdAt,
});

/**
 * How many have answered per group (all of the group, a count, never who), and per department only
 * as the anonymity module allows: no department's count under the threshold, nor one that the
 * group's total and the shown departments would give away.
 */
export async function participation(exec: Executor, r: SurveyRound) {
  const [totals, invited, depts] = await Promise.all([
    exec
      .select({ group: surveyRespondentTotals.group, dk: surveyRespondentTotals.departmentKey, n: surveyRespondentTotals.respondents })
      .from(surveyRespondentTotals)
      .where(and(eq(surveyRespondentTotals.schoolId, r.schoolId), eq(surveyRespondentTotals.roundId, r.id))),
    rawQuery<{ g: string; n: number }>(exec, sql`select ${groupSql} g, count(*)::int n from ${people} where ${askedWhere(r.schoolId, r)} group by 1`),
    exec.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.schoolId, r.schoolId)).orderBy(departments.name),
  ]);
  const nameOf = new Map(depts.map((d) => [d.id, d.name]));
  const groups = r.groups as TSurveyGroup[];
  const totalOf = (g: string) => totals.filter((t) => t.group === g).reduce((s, t) => s + t.n, 0);
  // The groups beside the round's total, as the departments beside their group's.
  const byGroup = new Map(suppress(groups.map((g) => ({ key: g, count: totalOf(g), value: null }))).cells.map((c) => [c.key, c.suppressed ? null : c.count]));
  return groups.map((group) => {
    const rows = totals.filter((t) => t.group === group);
    const { cells } = suppress(rows.map((t) => ({ key: t.dk, count: t.n, value: null })));
    // A group hidden beside the others keeps its departments hidden too, or they would add up to it.
    const groupHidden = byGroup.get(group) === null;
    const departmentsShown = cells.map((c) => ({
      departmentId: c.key === SURVEY_NO_DEPARTMENT ? null : c.key,
      name: nameOf.get(c.key) ?? '',
      suppressed: c.suppressed || groupHidden,
      respondents: c.suppressed || groupHidden ? null : c.count,
    }));
    const asked = invited.find((i) => i.g === group)?.n ?? 0;
    const total = totalOf(group);
    const respondents = total === 0 ? 0 : (byGroup.get(group) ?? null);
    return {
      group,
      respondents,
      suppressed: respondents === null,
      invited: asked === 0 && isLinkGroup(group) ? null : shownCount(asked),
      departments: departmentsShown.sort((a, b) => a.name.localeCompare(b.name, 'da')),
    };
  });
}
