import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';

describe('escapeHtml', () => {
  it('turns markup in a title into text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)"> & \'Q\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Q&#39;');
    expect(escapeHtml('Pædagogisk dag 12. august')).toBe('Pædagogisk dag 12. august');
  });
});

const WEB = join(import.meta.dirname, '..');
const sources = readdirSync(WEB, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => ({ file: relative(WEB, join(WEB, f)), text: readFileSync(join(WEB, f), 'utf8') }));

/**
 * The places where the UI puts HTML from the server into the page, and why each is safe: the
 * relation-model fields are sanitised by the server's allow-list when they are saved
 * (src/server/features/library/sanitize.ts) and the glossary links are made from that sanitised HTML;
 * a logbook entry's text and a practice task's description go through the same sanitiser when they
 * are saved (`cleanBody`, src/server/features/internship/logbook-commands.ts).
 */
const HTML_SINKS: Record<string, RegExp> = {
  'features/library/pages/ItemPage.tsx': /__html: item\.linkedFields\[f\]/,
  'features/library/pages/NetworkItemPage.tsx': /__html: item\.fields\[f\]/,
  'features/internship/components/EntryCard.tsx': /__html: entry\.bodyHtml/,
  'features/internship/components/StudentTasks.tsx': /__html: x\.descriptionHtml/,
  'features/internship/pages/TaskPage.tsx': /__html: x\.descriptionHtml/,
};

describe('user text never reaches the page as HTML', () => {
  it('sets HTML only from the server-sanitised rich-text fields', () => {
    const found = sources.flatMap(({ file, text }) =>
      text
        .split('\n')
        .filter((line) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/.test(line))
        .map((line) => ({ file, line: line.trim() })),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const { file, line } of found) {
      const allowed = HTML_SINKS[file];
      expect(allowed, `${file}: ${line}`).toBeDefined();
      expect(line, file).toMatch(allowed ?? /^$/);
    }
  });

  it('escapes what every ECharts tooltip formatter returns (tooltips are HTML; labels and axes are SVG text)', () => {
    const formatters = sources.flatMap(({ file, text }) => {
      const lines = text.split('\n');
      return lines.flatMap((line, i) => {
        if (!/formatter\s*:/.test(line)) return [];
        // the formatter belongs to a tooltip when "tooltip" opens on its line or on one of the three before
        const context = lines.slice(Math.max(0, i - 3), i + 1).join('\n');
        return /tooltip\s*:\s*\{[^}]*$|tooltip\s*:\s*\{[^}]*formatter/.test(context) ? [{ file, line: line.trim() }] : [];
      });
    });
    expect(formatters.length).toBeGreaterThan(0);
    for (const { file, line } of formatters) expect(line, file).toMatch(/escapeHtml\(/);
  });
});
