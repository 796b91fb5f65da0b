import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The rights table of docs/RIGHTS.md, read for the authorization matrix: action → role → ✓ | – | ◐. */
export type Right = '✓' | '–' | '◐';
const COLUMNS = ['school_admin', 'top_management', 'department_head', 'teacher', 'it_ambassador', 'editorial', 'internal_consultant', 'student', 'company_supervisor', 'coordinator'] as const;

export function readRights(path = fileURLToPath(new URL('../../../docs/RIGHTS.md', import.meta.url))): Map<string, Record<string, Right>> {
  const table = new Map<string, Record<string, Right>>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\| `([\w:]+)` \|(.*)\|$/.exec(line.trim());
    if (!m) continue;
    const cells = (m[2] ?? '').split('|').map((c) => c.trim());
    const row: Record<string, Right> = {};
    COLUMNS.forEach((role, i) => {
      const c = cells[i];
      if (c !== '✓' && c !== '–' && c !== '◐') throw new Error(`docs/RIGHTS.md: ${m[1]} has "${c}" for ${role}`);
      row[role] = c;
    });
    table.set(m[1] ?? '', row);
  }
  return table;
}
