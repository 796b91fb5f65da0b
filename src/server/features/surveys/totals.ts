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

export type CellSheets = { cell: Cell; sheets: { answers: Record<string, SheetAnswer>; comments: Record<string, string> }[] };

/**
 * Adds submitted sheets to the counts (docs/surveys.md, "Anonymity by construction"): each answer
 * raises one count of its item in its cell (round × group × department), each cell's respondent
 * counter rises by its number of sheets, free text goes where nothing says whose or when. Then the
 * publish step: an open round's live results (`published`) follow a cell only once THRESHOLD new
 * sheets have come in since its last copy, so that reading before and after one sheet shows no
 * difference. One sheet when answering; the demo seed's many cells at once (a few statements in all).
 */
export async function addSheets(tx: Executor, batches: CellSheets[]): Promise<void> {
  const items = new Map<string, { g: string; d: string; k: string; answers: SheetAnswer[] }>();
  for (const { cell, sheets } of batches) {
    for (const s of sheets) {
      for (const [k, a] of Object.entries(s.answers)) {
        const id = `${cell.group}|${cell.departmentKey}|${k}`;
        const it = items.get(id) ?? { g: cell.group, d: cell.departmentKey, k, answers: [] };
        items.set(id, it);
        it.answers.push(a);
      }
    }
  }
  const first = batches[0]?.cell;
  if (!first) return;
  const { schoolId, roundId } = first;
  if (batches.some((b) => b.cell.schoolId !== schoolId || b.cell.roundId !== roundId)) throw new Error('addSheets: one round at a time');
  const rows = [...items.values()].map((i) => ({ g: i.g, d: i.d, k: i.k, c: countsOf(i.answers) }));
  if (rows.length) {
    await tx.execute(sql`
      insert into survey_item_totals (school_id, round_id, "group", department_key, item_key, counts, published)
      select ${schoolId}, ${roundId}, x.g, x.d, x.k, array(select jsonb_array_elements_text(x.c)::int), ${`{${Array(COUNT_SLOTS).fill(0).join(',')}}`}::int[]
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(g text, d uuid, k text, c jsonb)
      on conflict (school_id, round_id, "group", department_key, item_key) do update
      set counts = array(select a + b from unnest(survey_item_totals.counts, excluded.counts) with ordinality u(a, b, i) order by i)`);
  }
  const cells = batches.filter((b) => b.sheets.length).map((b) => ({ g: b.cell.group, d: b.cell.departmentKey, n: b.sheets.length }));
  const counted = await rawQuery<{ g: string; d: string; respondents: number; published: number }>(
    tx,
    sql`insert into survey_respondent_totals (school_id, round_id, "group", department_key, respondents, published)
        select ${schoolId}, ${roundId}, x.g, x.d, sum(x.n), 0 from jsonb_to_recordset(${JSON.stringify(cells)}::jsonb) as x(g text, d uuid, n int) group by x.g, x.d
        on conflict (school_id, round_id, "group", department_key) do update set respondents = survey_respondent_totals.respondents + excluded.respondents
        returning "group" g, department_key d, respondents, published`,
  );
  const texts = batches.flatMap(({ cell, sheets }) =>
    sheets.flatMap((s) => Object.entries(s.comments).map(([area, text]) => ({ schoolId, roundId, group: cell.group, departmentKey: cell.departmentKey, area, text }))),
  );
  if (texts.length) await tx.insert(surveyFreeTexts).values(texts);
  const ready = counted.filter((c) => c.respondents - c.published >= THRESHOLD);
  if (ready.length) await publishCells(tx, schoolId, roundId, ready);
}

/** Copies the cells' counts to their published copies. */
async function publishCells(tx: Executor, schoolId: string, roundId: string, cells: { g: string; d: string; respondents: number }[]): Promise<void> {
  const k = sql`(select x.g, x.d, x.n from jsonb_to_recordset(${JSON.stringify(cells.map((c) => ({ g: c.g, d: c.d, n: c.respondents })))}::jsonb) as x(g text, d uuid, n int))`;
  await tx.execute(sql`update survey_item_totals t set published = t.counts from ${k} k
    where t.school_id = ${schoolId} and t.round_id = ${roundId} and t."group" = k.g and t.department_key = k.d`);
  await tx.execute(sql`update survey_respondent_totals t set published = k.n from ${k} k
    where t.school_id = ${schoolId} and t.round_id = ${roundId} and t."group" = k.g and t.department_key = k.d`);
}
