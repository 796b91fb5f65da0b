import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { indicators, measurements, surveyAreaMeans, surveyItemTotals, surveyQuestionnaires, surveyRespondentTotals, type surveyRounds } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { showAggregate } from '../../platform/anonymity';
import { audit } from '../../platform/audit';
import { todayInCopenhagen } from '../../platform/time';
import { addMeasurement } from '../strategy/api';
import { addCounts, meanOf, onScale, round2, scaleHistogram, shownMean, type Counts } from './report-figures';

export type SurveyRoundRow = typeof surveyRounds.$inferSelect;

/** What the close records in the audit log and on each measurement, instead of a person. */
const SYSTEM_NAME = 'Selvevaluering';
/** The measurement's `source` text for a round: one measurement per indicator and round. */
export const measurementSource = (roundId: string) => `survey:${roundId}`;

/**
 * A round's figures for the whole school: item counts per group (departments added up), the
 * group's respondents and the questionnaire's item → area.
 */
async function schoolFigures(tx: Executor, round: SurveyRoundRow) {
  // one after the other: inside the closing transaction node-postgres has one client
  const totals = await tx
    .select({ group: surveyItemTotals.group, itemKey: surveyItemTotals.itemKey, counts: surveyItemTotals.counts })
    .from(surveyItemTotals)
    .where(and(eq(surveyItemTotals.schoolId, round.schoolId), eq(surveyItemTotals.roundId, round.id)));
  const respondents = await tx
    .select({ group: surveyRespondentTotals.group, n: sql<number>`sum(${surveyRespondentTotals.respondents})::int` })
    .from(surveyRespondentTotals)
    .where(and(eq(surveyRespondentTotals.schoolId, round.schoolId), eq(surveyRespondentTotals.roundId, round.id)))
    .groupBy(surveyRespondentTotals.group);
  const [questionnaire] = await tx
    .select({ items: surveyQuestionnaires.items })
    .from(surveyQuestionnaires)
    .where(and(eq(surveyQuestionnaires.schoolId, round.schoolId), eq(surveyQuestionnaires.id, round.questionnaireId)));
  const items = questionnaire?.items ?? [];
  const byItem = new Map<string, Counts>();
  for (const t of totals) {
    const key = `${t.group}\u0000${t.itemKey}`;
    byItem.set(key, addCounts(byItem.get(key) ?? [], t.counts));
  }
  return {
    items,
    itemCounts: (group: string, itemKey: string): Counts => byItem.get(`${group}\u0000${itemKey}`) ?? addCounts(),
    respondents: new Map(respondents.map((r) => [r.group, Number(r.n)])),
  };
}

/**
 * The mean of an area for a group: every answer on the scale to the area's items, shown only when
 * the group has enough respondents and their answers are not all alike.
 */
export function areaMean(respondents: number, itemCounts: Counts[]): number | null {
  const pooled = addCounts(...itemCounts);
  if (!onScale(pooled) || !showAggregate(respondents, false, scaleHistogram(pooled))) return null;
  const m = meanOf(pooled);
  return m === null ? null : round2(m);
}

/** The area means of a closed round per group × area for the whole school: what the network benchmark reads. */
async function writeAreaMeans(tx: Executor, round: SurveyRoundRow, f: Awaited<ReturnType<typeof schoolFigures>>) {
  const areas = [...new Set(f.items.map((i) => i.area))];
  const rows = round.groups.flatMap((group) =>
    areas.map((area) => {
      const respondents = f.respondents.get(group) ?? 0;
      const counts = f.items.filter((i) => i.area === area && i.texts[group]).map((i) => f.itemCounts(group, i.key));
      return { schoolId: round.schoolId, roundId: round.id, group, area, respondents, mean: areaMean(respondents, counts), closesOn: round.closesOn };
    }),
  );
  await tx.delete(surveyAreaMeans).where(and(eq(surveyAreaMeans.schoolId, round.schoolId), eq(surveyAreaMeans.roundId, round.id)));
  if (rows.length) await tx.insert(surveyAreaMeans).values(rows);
}

/**
 * The strategy's commands take a signed-in actor; the close may be the scheduler's. Only the
 * school is read from it, and the audit event is written as the system's.
 */
function systemWriter(tx: Executor, schoolId: string) {
  const actor: SchoolActor = {
    accountId: '',
    email: '',
    locale: 'da',
    sessionId: '',
    csrfToken: '',
    school: { id: schoolId, name: '', networkId: '' },
    person: { id: '', name: SYSTEM_NAME, departmentId: null },
    roles: [],
    network: null,
  };
  return { db: tx, actor, audit: (entry: Parameters<typeof audit>[2]) => audit(tx, { system: SYSTEM_NAME, schoolId }, entry) };
}

/**
 * Every indicator that names a survey item and group this round asked gets a measurement: the
 * item's mean for the group over the whole school, where the anonymity module shows it. A round
 * closed again replaces its earlier measurement. Measured on the closing day (today if the round
 * was closed early), and not before the indicator's baseline.
 */
async function writeMeasurements(tx: Executor, round: SurveyRoundRow, f: Awaited<ReturnType<typeof schoolFigures>>) {
  const sourced = await tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.schoolId, round.schoolId), sql`${indicators.source}->>'kind' = 'survey_item'`));
  const today = todayInCopenhagen();
  const measuredOn = round.closesOn < today ? round.closesOn : today;
  const asked = new Set(f.items.map((i) => i.key));
  const writer = systemWriter(tx, round.schoolId);
  let written = 0;
  for (const ind of sourced) {
    const source = ind.source;
    if (!source || !asked.has(source.itemKey) || !round.groups.includes(source.group)) continue;
    if (!f.items.find((i) => i.key === source.itemKey)?.texts[source.group]) continue;
    const mean = shownMean(f.itemCounts(source.group, source.itemKey));
    if (mean === null || measuredOn < ind.baselineOn) continue;
    await tx
      .delete(measurements)
      .where(and(eq(measurements.schoolId, round.schoolId), eq(measurements.indicatorId, ind.id), eq(measurements.source, measurementSource(round.id))));
    await addMeasurement(writer, ind, { value: round2(mean), measuredOn, source: measurementSource(round.id), note: round.name.slice(0, 1000) }, today);
    written++;
  }
  return written;
}

/**
 * What closing a round does to the figures (called in the closing transaction, by hand or by the
 * scheduler): the network benchmark's area means and the measurements of indicators tied to an item.
 */
export async function onRoundClosed(tx: Executor, round: SurveyRoundRow): Promise<{ areaMeans: number; measurements: number }> {
  const f = await schoolFigures(tx, round);
  await writeAreaMeans(tx, round, f);
  const written = await writeMeasurements(tx, round, f);
  return { areaMeans: round.groups.length * new Set(f.items.map((i) => i.area)).size, measurements: written };
}
