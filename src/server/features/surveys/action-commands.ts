import { and, eq } from 'drizzle-orm';
import type { TSurveyGroup } from '../../../shared/api/surveys';
import type { TSurveyInitiativeInput } from '../../../shared/api/surveys-report';
import { indicators, surveyQuestionnaires } from '../../db/schema/index';
import { invalid } from '../../platform/errors';
import { translate } from '../../platform/messages';
import { todayInCopenhagen } from '../../platform/time';
import { addIndicator, createInitiative, loadTerms, type StrategyWriter } from '../strategy/api';
import { buildGroupReport } from './report-build';
import { round2 } from './report-figures';
import { loadSource, resultsKind } from './report-queries';
import { AREA_THEME, type SurveyArea } from './questionnaire-data';
import type { SurveyRound } from './rounds-model';

/**
 * "Opret indsats" (docs/surveys.md, "Fra rapport til handling"): a draft initiative in the strategy
 * made from an item of a round's report, with an indicator per group chosen whose `source` names
 * the item, so that every later round's close measures it (close-effects.ts). Baseline: the item's
 * mean for the group over the whole school in this round, which must be shown.
 */
const INITIATIVE_DAYS = 365;
/** How much higher than the baseline an indicator aims, on the 1–5 scale. */
const TARGET_STEP = 0.5;
const SCALE_TOP = 5;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
const num = (n: number, locale: 'da' | 'en') => new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n);

export async function createInitiativeFromItem(w: StrategyWriter, round: SurveyRound, itemKey: string, input: TSurveyInitiativeInput) {
  const locale = w.actor.locale;
  const [q] = await w.db
    .select({ items: surveyQuestionnaires.items })
    .from(surveyQuestionnaires)
    .where(and(eq(surveyQuestionnaires.schoolId, round.schoolId), eq(surveyQuestionnaires.id, round.questionnaireId)));
  const item = q?.items.find((i) => i.key === itemKey);
  if (!item) throw invalid([{ field: 'key', key: 'surveys.validation.unknown_item' }]);
  const groups = [...new Set(input.groups ?? [])] as TSurveyGroup[];
  groups.forEach((g, i) => {
    if (!round.groups.includes(g) || !item.texts[g]) throw invalid([{ field: `groups.${i}`, key: 'surveys.report.validation.group_not_asked' }]);
  });
  const kind = await resultsKind(w.db, round);
  const src = kind === 'none' ? null : await loadSource(w.db, round, kind);
  const means = groups.map((g, i) => {
    const m = src ? buildGroupReport(src, g).items.find((x) => x.key === itemKey)?.school.mean : null;
    if (m === null || m === undefined) throw invalid([{ field: `groups.${i}`, key: 'surveys.report.validation.no_figure' }]);
    return m;
  });

  const textIn = (g: TSurveyGroup) => (item.texts[g] ?? Object.values(item.texts)[0] ?? { da: itemKey, en: itemKey })[locale];
  const groupName = (g: TSurveyGroup) => translate(locale, `surveys.report.group.${g}`);
  const figures = groups.map((g, i) => translate(locale, 'surveys.report.initiative.figure', { group: groupName(g), mean: num(means[i] as number, locale) })).join(', ');
  const gap = means.length === 2 ? translate(locale, 'surveys.report.initiative.gap', { gap: num(Math.abs((means[0] as number) - (means[1] as number)), locale) }) : '';
  const why = translate(locale, 'surveys.report.initiative.why', { round: round.name, item: textIn(groups[0] as TSurveyGroup), figures, gap });
  // the area's sigtelinje, unless the school has archived it (then the leader picks one on the draft)
  const theme = AREA_THEME[item.area as SurveyArea];
  const themeActive = theme !== null && (await loadTerms(w.db, round.schoolId)).sigtelinje.some((t) => t.key === theme && !t.archived);
  const today = todayInCopenhagen();
  const endsOn = addDays(today, INITIATIVE_DAYS);
  const initiative = await createInitiative(w, {
    strategyId: null,
    title: clip(textIn(groups[0] as TSurveyGroup), 200),
    why: clip(why, 280),
    pedagogicalGoals: [],
    sigtelinjer: themeActive ? [theme] : [],
    reformGoals: [],
    level: input.departmentId ? 'department' : 'central',
    departmentId: input.departmentId ?? null,
    parentId: null,
    ownerId: w.actor.person.id,
    collaboratorIds: [],
    startsOn: today,
    endsOn,
  });
  const indicatorIds: string[] = [];
  for (const [i, g] of groups.entries()) {
    const baseline = round2(means[i] as number);
    const target = Math.min(SCALE_TOP, round2(baseline + TARGET_STEP));
    const atTop = target <= baseline;
    const ind = await addIndicator(w, initiative, {
      name: clip(translate(locale, 'surveys.report.initiative.indicator', { group: groupName(g), item: textIn(g) }), 200),
      unit: translate(locale, 'surveys.report.initiative.unit'),
      baseline,
      baselineOn: today,
      target: atTop ? baseline : target,
      targetOn: endsOn,
      direction: atTop ? 'maintain' : 'increase',
      tolerance: atTop ? TARGET_STEP / 2 : null,
    });
    await w.db
      .update(indicators)
      .set({ source: { kind: 'survey_item', itemKey, group: g } })
      .where(and(eq(indicators.schoolId, round.schoolId), eq(indicators.id, ind.id)));
    indicatorIds.push(ind.id);
  }
  await w.audit({ action: 'surveys.initiative_created', resourceType: 'survey_round', resourceId: round.id, summary: initiative.title, changes: { itemKey, groups, initiativeId: initiative.id } });
  return { initiativeId: initiative.id, indicatorIds };
}
