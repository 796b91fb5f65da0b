import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Every table in the web app that can be wider than a phone scrolls inside ScrollTable, the one
 * focusable scroll region (tabIndex 0, a role and a name): a bare Table.ScrollContainer or an
 * overflow box of one's own cannot be scrolled from the keyboard (axe: scrollable-region-focusable).
 * Only tables that are visually hidden (a chart's data for screen readers) need no region.
 */
const web = fileURLToPath(new URL('../..', import.meta.url));
const component = join(web, 'shared/ui/ScrollTable.tsx');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

const lineOf = (src: string, index: number) => src.slice(0, index).split('\n').length;

/** The tables of one file that are neither inside a <ScrollTable> nor visually hidden, as "file:line". */
function unwrappedTables(file: string, src: string): string[] {
  const found: string[] = [];
  for (const m of src.matchAll(/<Table[\s>]/g)) {
    const before = src.slice(0, m.index);
    const open = before.lastIndexOf('<ScrollTable');
    const closed = before.lastIndexOf('</ScrollTable>');
    if (open > closed) continue;
    const tag = src.slice(m.index, src.indexOf('>', m.index));
    const hiddenBox = before.lastIndexOf('<VisuallyHidden>') > before.lastIndexOf('</VisuallyHidden>');
    if (hiddenBox || /className="visually-hidden"/.test(tag)) continue;
    found.push(`${file}:${lineOf(src, m.index)}`);
  }
  return found;
}

/** Scroll boxes made by hand: Mantine's container, or an overflow style, anywhere but ScrollTable. */
function handMadeScrollBoxes(file: string, src: string): string[] {
  return [...src.matchAll(/Table\.ScrollContainer|overflowX|overflow-x|overflow: ?'(auto|scroll)'/g)].map((m) => `${file}:${lineOf(src, m.index)} ${m[0]}`);
}

describe('wide tables scroll from the keyboard', () => {
  const files = tsxFiles(web).filter((f) => f !== component);

  it('finds the app\'s tables (the check looks where they are)', () => {
    const withTables = files.filter((f) => /<Table[\s>]/.test(readFileSync(f, 'utf8')));
    expect(withTables.length).toBeGreaterThan(15);
  });

  it('puts every visible table in a ScrollTable', () => {
    const bad = files.flatMap((f) => unwrappedTables(relative(web, f), readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('makes no scroll box of its own outside ScrollTable', () => {
    const bad = files.flatMap((f) => handMadeScrollBoxes(relative(web, f), readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('gives the region what the keyboard and a screen reader need', () => {
    const src = readFileSync(component, 'utf8');
    for (const attr of ['tabIndex={0}', 'role="region"', 'aria-label={label}', 'aria-labelledby={labelledBy}', 'type="native"']) expect(src).toContain(attr);
  });

  it('catches a bare table and a bare scroll container', () => {
    expect(unwrappedTables('x.tsx', '<Card>\n<Table striped>\n</Table></Card>')).toEqual(['x.tsx:2']);
    expect(unwrappedTables('x.tsx', '<ScrollTable label="a"><Table></Table></ScrollTable><Table>')).toEqual(['x.tsx:1']);
    expect(unwrappedTables('x.tsx', '<VisuallyHidden><Table></Table></VisuallyHidden><Table className="visually-hidden">')).toEqual([]);
    expect(handMadeScrollBoxes('x.tsx', '<Table.ScrollContainer minWidth={9}>')).toHaveLength(1);
  });
});
