import type { z } from 'zod';
import type { TSurveyGroup } from '../../../shared/api/surveys';
import type { ZReportCell, ZSurveyReport, ZSurveyReportQuery } from '../../../shared/api/surveys-report';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import { abilitiesOn } from '../../platform/policy';
import { networkBenchmark } from './benchmark';
import { gapBetween, type GapRow } from './gap';
import type { GroupReport, RowKey } from './report-build';
import { roundFigures } from './report-cache';
import { firstLook } from './report-first-look';
import { freeTextVisible, shuffled } from './report-free-text';
import { departmentIdOf, departmentKeyOf, departmentNames, earlierRounds, freeTexts, initiativesByItem, loadSource, resultsKind, type ResultsKind } from './report-queries';
import type { CellFigures } from './report-table';
import { AREA_TEXTS, type SurveyArea } from './questionnaire-data';
import { statusOf, type SurveyRound } from './rounds-model';
import { areaTrend, itemChanges, type TrendRound } from './trend';

type Report = z.output<typeof ZSurveyReport>;
type Query = z.output<typeof ZSurveyReportQuery>;
type Text = { da: string; en: string };

export const DEFAULT_COMPARE: [TSurveyGroup, TSurveyGroup] = ['leader', 'teacher'];

const cell = (c: CellFigures | null | undefined): z.output<typeof ZReportCell> =>
  c ? { suppressed: c.mean === null && c.distribution === null, ...c } : { suppressed: true, mean: null, distribution: null, dontKnowShare: null };
const areaTitle = (area: string): Text => AREA_TEXTS[area as SurveyArea]?.title ?? { da: area, en: area };

/** A round's figures; a closed round's from the cache (they are final). */
const figuresOf = (exec: Executor, r: SurveyRound, kind: ResultsKind) =>
  roundFigures({ schoolId: r.schoolId, roundId: r.id, closedAt: r.closedAt, final: kind === 'final' }, () => loadSource(exec, r, kind));

/**
 * The report of a round as the reader asked for it: every group (or one), the school or one
 * department (as the whole view shows it), the gap between two groups, the trend since earlier
 * closed rounds, the network benchmark and what to look at first.
 */
export async function surveyReport(exec: Executor, actor: SchoolActor, r: SurveyRound, query: Query): Promise<Report> {
  const kind = await resultsKind(exec, r);
  const { source: src, groups: reports } = await figuresOf(exec, r, kind);
  const row: RowKey = query.department ? { departmentKey: departmentKeyOf(query.department === 'none' ? null : query.department) } : 'school';
  const shownGroups = r.groups.filter((g) => !query.group || g === query.group) as TSurveyGroup[];
  const compare = (query.compare?.split(',') as [TSurveyGroup, TSurveyGroup] | undefined) ?? DEFAULT_COMPARE;

  const [names, benchmark, byItem, earlier] = await Promise.all([
    departmentNames(exec, r.schoolId),
    kind === 'none' ? Promise.resolve([]) : networkBenchmark(exec, actor.school.networkId),
    initiativesByItem(exec, r.schoolId),
    kind === 'none' ? Promise.resolve([]) : earlierRounds(exec, r, new Set(src.items.map((i) => i.key))),
  ]);
  const trendRounds: TrendRound[] = [];
  const earlierFigures = await Promise.all(earlier.map((e) => figuresOf(exec, e, 'final')));
  earlier.forEach((e, k) => trendRounds.push({ id: e.id, name: e.name, closesOn: e.closesOn, groups: earlierFigures[k]?.groups ?? new Map() }));
  if (kind !== 'none') trendRounds.push({ id: r.id, name: r.name, closesOn: r.closesOn, groups: reports });

  const textOf = (key: string, group: string): Text => {
    const it = src.items.find((i) => i.key === key);
    return it?.texts[group] ?? Object.values(it?.texts ?? {})[0] ?? { da: key, en: key };
  };
  const nameOf = (key: string) => names.get(key) ?? '';
  const pickRows = <T extends { key: string }>(rows: T[]) => (row === 'school' ? rows : rows.filter((d) => d.key === row.departmentKey));

  const groupOut = async (g: GroupReport) => {
    const texts =
      kind === 'final' && freeTextVisible(g.departments.map((d) => ({ key: d.key, respondents: respondentsIn(src, g.group, d.key) })), row)
        ? await freeTexts(exec, r, g.group, row === 'school' ? null : row.departmentKey)
        : null;
    return {
      group: g.group as TSurveyGroup,
      respondents: g.respondents,
      departments: pickRows(g.departments).map((d) => ({ departmentId: departmentIdOf(d.key), name: nameOf(d.key), respondents: d.respondents })),
      areas: g.areas.map((a) => {
        const b = benchmark.find((x) => x.group === g.group && x.area === a.area);
        return {
          area: a.area,
          title: areaTitle(a.area),
          school: cell(a.school),
          departments: pickRows(a.departments).map((d) => ({ departmentId: departmentIdOf(d.key), cell: cell(d.cell) })),
          benchmark: b ? { schools: b.schools, q1: b.q1, median: b.median, q3: b.q3 } : null,
        };
      }),
      items: g.items.map((i) => ({
        key: i.key,
        area: i.area,
        text: textOf(i.key, g.group),
        school: cell(i.school),
        departments: pickRows(i.departments).map((d) => ({ departmentId: departmentIdOf(d.key), cell: cell(d.cell) })),
        initiatives: byItem.get(`${g.group}|${i.key}`) ?? [],
      })),
      freeText: g.areas.map((a) => ({ area: a.area, texts: texts ? shuffled(texts.filter((t) => t.area === a.area).map((t) => t.text)) : null })),
    };
  };

  const [ga, gb] = [reports.get(compare[0]), reports.get(compare[1])];
  const gap = ga && gb && compare[0] !== compare[1] ? gapBetween(ga, gb, row) : { items: [], areas: [] };
  const gapRow = (x: GapRow, isArea: boolean) => ({ ...x, text: isArea ? areaTitle(x.area) : textOf(x.key, compare[0]) });
  const changes = itemChanges(trendRounds, shownGroups, row);
  const look = firstLook(gap.items, shownGroups.flatMap((g) => reports.get(g) ?? []), changes, row);
  const deptKeys = [...new Set(src.respondents.filter((x) => x.respondents > 0).map((x) => x.departmentKey))];

  return {
    round: { id: r.id, name: r.name, opensOn: r.opensOn, closesOn: r.closesOn, status: statusOf(r), groups: r.groups as TSurveyGroup[] },
    results: kind,
    filter: { group: query.group ?? null, departmentId: query.department ?? null, compare },
    departmentOptions: deptKeys
      .map((k) => ({ id: departmentIdOf(k) ?? 'none', name: nameOf(k) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
    groups: await Promise.all(shownGroups.flatMap((g) => reports.get(g) ?? []).map(groupOut)),
    gap: { items: gap.items.map((x) => gapRow(x, false)), areas: gap.areas.map((x) => gapRow(x, true)) },
    trend: {
      rounds: trendRounds.length > 1 ? trendRounds.map((t) => ({ id: t.id, name: t.name, closesOn: t.closesOn })) : [],
      areas: trendRounds.length > 1 ? areaTrend(trendRounds, shownGroups, row).map((s) => ({ ...s, group: s.group as TSurveyGroup, title: areaTitle(s.area) })) : [],
      changes: changes.map((c) => ({ group: c.group as TSurveyGroup, key: c.key, area: c.area, text: textOf(c.key, c.group), previous: c.previous, current: c.current, change: c.change })),
    },
    firstLook: {
      gaps: look.gaps.map((x) => gapRow(x, false)),
      lowest: look.lowest.map((x) => ({ ...x, group: x.group as TSurveyGroup, text: textOf(x.key, x.group) })),
      falls: look.falls.map((c) => ({ group: c.group as TSurveyGroup, key: c.key, area: c.area, text: textOf(c.key, c.group), previous: c.previous, current: c.current, change: c.change })),
    },
    abilities: kind === 'none' ? [] : abilitiesOn(actor, ['surveyRound:createInitiative']),
  };
}

const respondentsIn = (src: Awaited<ReturnType<typeof loadSource>>, group: string, dk: string) =>
  src.respondents.filter((x) => x.group === group && x.departmentKey === dk).reduce((s, x) => s + x.respondents, 0);
