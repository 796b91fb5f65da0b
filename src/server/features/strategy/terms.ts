import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { strategyTerms } from '../../db/schema/index';
import { STRATEGY_TERMS_DA } from '../../../shared/vocabulary';
import { invalid, type FieldError } from '../../platform/errors';

export type TermKind = 'sigtelinje' | 'reform_goal' | 'pedagogical_goal';
export type Term = { key: string; label: string; archived: boolean; builtIn: boolean };
export type Terms = Record<TermKind, Term[]>;

/** Built-in reference data overlaid with the school's own labels, archived flags and added terms. */
export async function loadTerms(exec: Executor, schoolId: string): Promise<Terms> {
  const rows = await exec.select().from(strategyTerms).where(eq(strategyTerms.schoolId, schoolId));
  const out = {} as Terms;
  for (const kind of Object.keys(STRATEGY_TERMS_DA) as TermKind[]) {
    const builtIn = Object.entries(STRATEGY_TERMS_DA[kind]).map(([key, label]) => ({ key, label, archived: false, builtIn: true }));
    const own = rows.filter((r) => r.kind === kind);
    const merged = builtIn.map((t) => {
      const o = own.find((r) => r.key === t.key);
      return o ? { ...t, label: o.label, archived: o.archived } : t;
    });
    for (const r of own) if (!merged.some((t) => t.key === r.key)) merged.push({ key: r.key, label: r.label, archived: r.archived, builtIn: false });
    out[kind] = merged;
  }
  return out;
}

/** Refuses keys that are not (active) terms of the school, naming the field. */
export function checkTerms(terms: Terms, values: Partial<Record<'sigtelinjer' | 'reformGoals' | 'pedagogicalGoals', string[] | undefined>>): void {
  const map = { sigtelinjer: 'sigtelinje', reformGoals: 'reform_goal', pedagogicalGoals: 'pedagogical_goal' } as const;
  const errors: FieldError[] = [];
  for (const [field, kind] of Object.entries(map) as [keyof typeof map, TermKind][]) {
    const list = values[field];
    if (!list) continue;
    list.forEach((key, i) => {
      if (!terms[kind].some((t) => t.key === key && !t.archived)) errors.push({ field: `${field}.${i}`, key: 'validation.invalid_value' });
    });
  }
  if (errors.length) throw invalid(errors);
}
