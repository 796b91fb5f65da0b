import { describe, expect, it } from 'vitest';
import { isUniform, THRESHOLD } from '../../platform/anonymity';
import type { SurveyItemSnapshot } from '../../db/schema/index';
import { gapBetween } from './gap';
import { buildGroupReport, meanAt, type CountRow, type RespondentRow, type ReportSource } from './report-build';
import { addCounts, emptyCounts, onScale, scaleHistogram, type Counts } from './report-figures';
import { firstLook } from './report-first-look';
import { freeTextVisible } from './report-free-text';
import { areaTrend, itemChanges, type TrendRound } from './trend';

/* The report's figures from counts: anonymity at every row and filter, gaps, trends and what to look at first. */

const item = (key: string, area: string, groups = ['leader', 'teacher']): SurveyItemSnapshot => ({
  key,
  area,
  texts: Object.fromEntries(groups.map((g) => [g, { da: key, en: key }])),
  optional: false,
  own: false,
});
const ITEMS = [item('a1', 'A'), item('a2', 'A'), item('b1', 'B')];

/** Sheets as answers per item: one value per respondent (1..5, 6 = ved ikke). */
type Sheets = { group: string; dept: string; answers: number[][] };
function source(sheets: Sheets[], items = ITEMS): ReportSource {
  const respondents: RespondentRow[] = [];
  const totals: CountRow[] = [];
  for (const s of sheets) {
    respondents.push({ group: s.group, departmentKey: s.dept, respondents: s.answers.length });
    items.forEach((it, k) => {
      const counts = emptyCounts();
      for (const a of s.answers) {
        const v = a[k % a.length] ?? 3;
        counts[v - 1] = (counts[v - 1] ?? 0) + 1;
      }
      totals.push({ group: s.group, departmentKey: s.dept, itemKey: it.key, counts });
    });
  }
  return { items, groups: [...new Set(sheets.map((s) => s.group))], respondents, totals };
}
const people = (n: number, f: (i: number) => number[]) => Array.from({ length: n }, (_, i) => f(i));

describe('a group of 4 and a group of 5', () => {
  it('shows nothing for 4 respondents and the figures for 5', () => {
    const src = source([
      { group: 'teacher', dept: 'd1', answers: people(4, (i) => [i + 1, i + 1, i + 1]) },
      { group: 'leader', dept: 'd1', answers: people(5, (i) => [i + 1, 5 - i, (i % 2) + 2]) },
    ]);
    const t = buildGroupReport(src, 'teacher');
    expect(t.respondents).toBeNull();
    expect(t.items.every((i) => i.school.mean === null && i.school.distribution === null)).toBe(true);
    const l = buildGroupReport(src, 'leader');
    expect(l.respondents).toBe(5);
    expect(l.items[0]?.school.mean).toBe(3);
    expect(l.areas[0]?.school.mean).toBe(3);
  });

  it('hides an item everyone answered alike and a mean made of fewer than 5 answers on the scale', () => {
    const src = source([{ group: 'leader', dept: 'd1', answers: people(6, (i) => [4, i < 2 ? 6 : (i % 3) + 1, (i % 2) + 1]) }]);
    const l = buildGroupReport(src, 'leader');
    expect(l.items[0]?.school.mean).toBeNull();
    expect(l.items[0]?.school.distribution).toBeNull();
    // a2: two "ved ikke" and four on the scale: the distribution may show, the mean may not
    expect(l.items[1]?.school.mean).toBeNull();
    expect(l.items[2]?.school.mean).toBe(1.5);
  });
});

describe('complementary suppression under every filter', () => {
  it('hides the department of 6 beside one of 2, since the school minus it would show the 2', () => {
    const src = source([
      { group: 'leader', dept: 'd1', answers: people(6, (i) => [(i % 5) + 1, (i % 4) + 1, (i % 3) + 1]) },
      { group: 'leader', dept: 'd2', answers: people(2, (i) => [i + 1, i + 2, i + 3]) },
    ]);
    const l = buildGroupReport(src, 'leader');
    expect(l.respondents).toBe(8);
    expect(l.departments.map((d) => d.respondents)).toEqual([null, null]);
    for (const dk of ['d1', 'd2']) expect(l.items.every((i) => meanAt(i, { departmentKey: dk }) === null)).toBe(true);
  });

  it('never shows a group, range or derived rest of 1–4 people, nor a mean pinned to one answer, in random schools', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let run = 0; run < 400; run++) {
      const sizes = Array.from({ length: 1 + rnd(4) }, () => rnd(9));
      const pattern = rnd(4);
      const sheets: Sheets[] = sizes.map((n, d) => ({
        group: 'leader',
        dept: `d${d}`,
        answers: people(n, (i) => ITEMS.map((_, k) => (pattern === 0 ? 4 : pattern === 1 ? d + 1 : pattern === 2 ? ((i + k + d) % 6) + 1 : rnd(6) + 1))),
      }));
      const src = source(sheets);
      const l = buildGroupReport(src, 'leader');
      const shown = l.departments.filter((d) => d.respondents !== null);
      for (const d of shown) expect(d.respondents).toBeGreaterThanOrEqual(THRESHOLD);
      if (l.respondents !== null) {
        const rest = l.respondents - shown.reduce((s, d) => s + (d.respondents ?? 0), 0);
        expect(rest === 0 || rest >= THRESHOLD, `rest ${rest} of ${sizes}`).toBe(true);
      }
      for (const it of [...l.items, ...l.areas]) {
        const key = 'key' in it ? it.key : null;
        const countsOf = (dk: string): Counts =>
          key ? (src.totals.find((t) => t.departmentKey === dk && t.itemKey === key)?.counts ?? emptyCounts()) : addCounts(...src.totals.filter((t) => t.departmentKey === dk && ITEMS.find((x) => x.key === t.itemKey)?.area === it.area).map((t) => t.counts));
        const cells = it.departments.map((d) => ({ ...d.cell, counts: countsOf(d.key) }));
        for (const c of cells) {
          for (const r of c.distribution ?? []) expect(r.count === 0 || r.count >= THRESHOLD).toBe(true);
          if (c.mean !== null) {
            expect(onScale(c.counts)).toBeGreaterThanOrEqual(THRESHOLD);
            expect(isUniform(scaleHistogram(c.counts))).toBe(false);
          }
        }
        if (it.school.mean !== null) {
          const rest = addCounts(...cells.filter((c) => c.mean === null).map((c) => c.counts));
          expect(onScale(rest) === 0 || (onScale(rest) >= THRESHOLD && !isUniform(scaleHistogram(rest))), `mean rest of ${sizes}`).toBe(true);
        }
      }
    }
  });

  it('free text from 10 respondents, a department only when the rest of the school also has 0 or 10', () => {
    expect(freeTextVisible([{ key: 'd1', respondents: 9 }], 'school')).toBe(false);
    expect(freeTextVisible([{ key: 'd1', respondents: 10 }], 'school')).toBe(true);
    expect(freeTextVisible([{ key: 'd1', respondents: 10 }], { departmentKey: 'd1' })).toBe(true);
    const two = [
      { key: 'd1', respondents: 12 },
      { key: 'd2', respondents: 4 },
    ];
    expect(freeTextVisible(two, 'school')).toBe(true);
    expect(freeTextVisible(two, { departmentKey: 'd1' })).toBe(false);
    expect(freeTextVisible(two, { departmentKey: 'd2' })).toBe(false);
  });
});

describe('gap, trend and what to look at first', () => {
  const leaders = people(5, (i) => [5, 4, [2, 3, 4, 2, 3][i] as number]);
  const teachers = people(5, (i) => [[1, 2, 2, 1, 2][i] as number, 4, [3, 4, 5, 4, 4][i] as number]);
  const now = source([
    { group: 'leader', dept: 'd1', answers: leaders.map((a, i) => [a[0] === 5 && i === 0 ? 4 : 5, a[1] === 4 && i === 1 ? 5 : 4, a[2] as number]) },
    { group: 'teacher', dept: 'd1', answers: teachers },
  ]);
  const before = source([
    { group: 'leader', dept: 'd1', answers: people(5, (i) => [5, 4, (i % 2) + 3]) },
    { group: 'teacher', dept: 'd1', answers: people(5, (i) => [(i % 2) + 3, 4, (i % 2) + 4]) },
  ]);
  const report = (src: ReportSource) => new Map(['leader', 'teacher'].map((g) => [g, buildGroupReport(src, g)]));
  const cur = report(now);
  const prev = report(before);

  it('sorts items by the largest gap between leaders and teachers', () => {
    const leader = cur.get('leader');
    const teacher = cur.get('teacher');
    if (!leader || !teacher) throw new Error('groups');
    const g = gapBetween(leader, teacher, 'school');
    // a1: leaders 4.8, teachers 1.6; b1: 2.8 vs 4
    expect(g.items.map((x) => [x.key, x.gap])).toEqual([
      ['a1', 3.2],
      ['b1', -1.2],
    ]);
    expect(g.areas[0]).toMatchObject({ key: 'A', area: 'A' });
  });

  it('follows each area through the rounds and finds the largest falls', () => {
    const rounds: TrendRound[] = [
      { id: 'r1', name: 'Forår', closesOn: '2026-05-01', groups: prev },
      { id: 'r2', name: 'Efterår', closesOn: '2026-11-01', groups: cur },
    ];
    const series = areaTrend(rounds, ['teacher'], 'school');
    expect(series.find((s) => s.area === 'B')?.points).toEqual([
      { roundId: 'r1', mean: 4.4 },
      { roundId: 'r2', mean: 4 },
    ]);
    const changes = itemChanges(rounds, ['leader', 'teacher'], 'school');
    expect(changes[0]).toMatchObject({ group: 'teacher', key: 'a1', previous: 3.4, current: 1.6, change: -1.8, previousRoundId: 'r1' });
    const leader = cur.get('leader');
    const teacher = cur.get('teacher');
    if (!leader || !teacher) throw new Error('groups');
    const look = firstLook(gapBetween(leader, teacher, 'school').items, [leader, teacher], changes, 'school');
    expect(look.gaps.map((x) => x.key)).toEqual(['a1', 'b1']);
    expect(look.lowest[0]).toMatchObject({ group: 'teacher', key: 'a1', mean: 1.6 });
    expect(look.falls.map((f) => `${f.group}:${f.key}`)).toEqual(['teacher:a1', 'leader:b1', 'teacher:b1']);
  });
});
