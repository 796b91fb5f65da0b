import { randomInt } from 'node:crypto';
import { FREE_TEXT_THRESHOLD, suppress } from '../../platform/anonymity';
import type { RowKey } from './report-build';

/**
 * Free text is shown per group and area from FREE_TEXT_THRESHOLD respondents, without names or
 * times, in a new random order on every reading. Under a department filter a department's texts
 * are shown only where the departments beside the school pass the same rule with the residual
 * (the school's texts minus the shown departments' would otherwise be the small departments').
 */
export function freeTextVisible(departments: { key: string; respondents: number }[], row: RowKey): boolean {
  const { cells, totalShown } = suppress(
    departments.map((d) => ({ key: d.key, count: d.respondents, value: null })),
    FREE_TEXT_THRESHOLD,
  );
  if (!totalShown) return false;
  if (row === 'school') return true;
  return cells.some((c) => c.key === row.departmentKey && !c.suppressed);
}

/** Fisher–Yates with a cryptographic source, so the order tells nothing of when a text was written. */
export function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
