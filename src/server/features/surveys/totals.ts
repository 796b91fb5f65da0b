import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { surveyFreeTexts } from '../../db/schema/index';
import { THRESHOLD } from '../../platform/anonymity';
import { COUNT_SLOTS, DONT_KNOW, NO_ANSWER } from './report-figures';

export type SheetAnswer = number | 'dont_know' | 'no_answer';
/** Where a sheet counts: its round, the respondent's group and department key. */
export type Cell = { schoolId: string; roundId: string; group: string; departmentKey: string };

const slotOf = (a: SheetAnswer) => (a === 'dont_know' ? DONT_KNOW : a === 'no_answer' ? NO_ANSWER : a - 1);
const countsOf = (answers: SheetAnswer[]) => {
  const c = Array.from({ length: COUNT_SLOTS }, () => 0);
  for (const a of answers) c[slotOf(a)] = (c[slotOf(a)] ?? 0) + 1;
  return c;
};

/**
 * Adds submitted sheets of one cell to the counts (docs/surveys.md, "Anonymity by construction"):
 * each answer raises one count of its item, the cell's respondent counter rises by the number of
 * sheets, free text goes where nothing says whose or when. Then the publish step: an open round's
 * live results (`published`) follow only once THRESHOLD new sheets have come in since the last
 * copy, so that reading before and after one sheet shows no difference. One sheet at a time when
 * answering; many at once from the demo seed.
 */
export async function addSheets(tx: Executor, cell: Cell, sheets: { answers: Record<string, SheetAnswer>; comments: Record<string, string> }[]): Promise<void> {
  const byItem = new Map<string, SheetAnswer[]>();
  for (const s of sheets) for (const [k, a] of Object.entries(s.answers)) byItem.set(k, [...(byItem.get(k) ?? []), a]);
  const rows = [...byItem].map(([itemKey, answers]) => ({ k: itemKey, c: countsOf(answers) }));
  const { schoolId, roundId, group, departmentKey } = cell;
  if (rows.length) {
    await tx.execute(sql`
      insert into survey_item_totals (school_id, round_id, "group", department_key, item_key, counts, published)
      select ${schoolId}, ${roundId}, ${group}, ${departmentKey}, x.k, array(select jsonb_array_elements_text(x.c)::int), ${`{${Array(COUNT_SLOTS).fill(0).join(',')}}`}::int[]
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(k text, c jsonb)
      on conflict (school_id, round_id, "group", department_key, item_key) do update
      set counts = array(select a + b from unnest(survey_item_totals.counts, excluded.counts) with ordinality u(a, b, i) order by i)`);
  }
  const [n] = await rawQuery<{ respondents: number; published: number }>(
    tx,
    sql`insert into survey_respondent_totals (school_id, round_id, "group", department_key, respondents, published)
        values (${schoolId}, ${roundId}, ${group}, ${departmentKey}, ${sheets.length}, 0)
        on conflict (school_id, round_id, "group", department_key) do update set respondents = survey_respondent_totals.respondents + excluded.respondents
        returning respondents, published`,
  );
  const texts = sheets.flatMap((s) => Object.entries(s.comments).map(([area, text]) => ({ schoolId, roundId, group, departmentKey, area, text })));
  if (texts.length) await tx.insert(surveyFreeTexts).values(texts);
  if (n && n.respondents - n.published >= THRESHOLD) await publishCell(tx, cell, n.respondents);
}

/** Copies a cell's counts to its published copy. */
async function publishCell(tx: Executor, c: Cell, respondents: number): Promise<void> {
  await tx.execute(sql`update survey_item_totals set published = counts
    where school_id = ${c.schoolId} and round_id = ${c.roundId} and "group" = ${c.group} and department_key = ${c.departmentKey}`);
  await tx.execute(sql`update survey_respondent_totals set published = ${respondents}
    where school_id = ${c.schoolId} and round_id = ${c.roundId} and "group" = ${c.group} and department_key = ${c.departmentKey}`);
}
