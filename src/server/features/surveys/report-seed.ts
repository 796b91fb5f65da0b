import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { SURVEY_NO_DEPARTMENT, surveyFreeTexts, surveyItemTotals, surveyQuestionnaires, surveyRespondentTotals, surveyRounds, type SurveyItemSnapshot } from '../../db/schema/index';
import { DONT_KNOW, NO_ANSWER, emptyCounts } from './report-figures';

/**
 * Survey figures written straight into the count tables, as submitted sheets would leave them: for
 * the report's tests and benches, which need many respondents without answering one by one.
 */
export type SeedAnswer = number | 'dont_know' | 'no_answer';
export type SeedSheet = { group: string; departmentId?: string | null; answers: Record<string, SeedAnswer>; comments?: Record<string, string> };
export type SeedRound = {
  name: string;
  opensOn: string;
  closesOn: string;
  groups: string[];
  items: SurveyItemSnapshot[];
  departmentIds?: string[] | null;
  closed?: boolean;
  sheets: SeedSheet[];
  /** For an open round: the sheets already published (the first n per group × department). */
  publishedPerCell?: number;
};

let version = 1000;
const slotOf = (a: SeedAnswer) => (a === 'dont_know' ? DONT_KNOW : a === 'no_answer' ? NO_ANSWER : a - 1);

/** Writes a round with its questionnaire version and its count totals; returns the round row. */
export async function seedSurveyRound(db: Executor, schoolId: string, r: SeedRound) {
  const [q] = await db
    .insert(surveyQuestionnaires)
    .values({ schoolId, version: ++version + Math.floor(Math.random() * 1e6), items: r.items, contentHash: `seed-${version}-${Math.random()}` })
    .returning();
  if (!q) throw new Error('questionnaire');
  const [round] = await db
    .insert(surveyRounds)
    .values({
      schoolId,
      name: r.name,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      groups: r.groups,
      departmentIds: r.departmentIds ?? null,
      questionnaireId: q.id,
      closedAt: r.closed ? new Date() : null,
    })
    .returning();
  if (!round) throw new Error('round');
  const cells = new Map<string, { group: string; dk: string; n: number; pub: number; items: Map<string, { counts: number[]; published: number[] }> }>();
  for (const s of r.sheets) {
    const dk = s.departmentId ?? SURVEY_NO_DEPARTMENT;
    const key = `${s.group}|${dk}`;
    const cell = cells.get(key) ?? { group: s.group, dk, n: 0, pub: 0, items: new Map() };
    cells.set(key, cell);
    cell.n++;
    const published = r.publishedPerCell !== undefined && cell.n <= r.publishedPerCell;
    if (published) cell.pub++;
    for (const [itemKey, a] of Object.entries(s.answers)) {
      const it = cell.items.get(itemKey) ?? { counts: emptyCounts(), published: emptyCounts() };
      cell.items.set(itemKey, it);
      const slot = slotOf(a);
      it.counts[slot] = (it.counts[slot] ?? 0) + 1;
      if (published) it.published[slot] = (it.published[slot] ?? 0) + 1;
    }
  }
  const closedOrAll = (c: { counts: number[]; published: number[] }) => (r.closed || r.publishedPerCell === undefined ? c.counts : c.published);
  const respondentRows = [...cells.values()].map((c) => ({
    schoolId,
    roundId: round.id,
    group: c.group,
    departmentKey: c.dk,
    respondents: c.n,
    published: r.closed || r.publishedPerCell === undefined ? c.n : c.pub,
  }));
  if (respondentRows.length) await db.insert(surveyRespondentTotals).values(respondentRows);
  const itemRows = [...cells.values()].flatMap((c) =>
    [...c.items].map(([itemKey, it]) => ({ schoolId, roundId: round.id, group: c.group, departmentKey: c.dk, itemKey, counts: it.counts, published: closedOrAll(it) })),
  );
  for (let i = 0; i < itemRows.length; i += 2000) await db.insert(surveyItemTotals).values(itemRows.slice(i, i + 2000));
  const texts = r.sheets.flatMap((s) =>
    Object.entries(s.comments ?? {}).map(([area, text]) => ({ schoolId, roundId: round.id, group: s.group, departmentKey: s.departmentId ?? SURVEY_NO_DEPARTMENT, area, text })),
  );
  for (let i = 0; i < texts.length; i += 2000) await db.insert(surveyFreeTexts).values(texts.slice(i, i + 2000));
  return round;
}

/** Marks a seeded round closed (what the close command does to the round row). */
export async function markClosed(db: Executor, schoolId: string, roundId: string) {
  await db.execute(sql`update survey_rounds set closed_at = now() where school_id = ${schoolId} and id = ${roundId}`);
}

/** A small questionnaire of `perArea` items in each of the given areas, asked of every given group. */
export function seedItems(areas: string[], perArea: number, groups: string[]): SurveyItemSnapshot[] {
  return areas.flatMap((area) =>
    Array.from({ length: perArea }, (_, i) => ({
      key: `${area}-${i + 1}`,
      area,
      texts: Object.fromEntries(groups.map((g) => [g, { da: `Udsagn ${i + 1} om ${area}`, en: `Statement ${i + 1} about ${area}` }])),
      optional: false,
      own: false,
    })),
  );
}
