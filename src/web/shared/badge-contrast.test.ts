import { DEFAULT_THEME, mergeMantineTheme, type MantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { theme as retningTheme, variantColorResolver } from '../app/theme';
import { attribute, openingTags, webSources } from '../test/jsx-tags';
import { AA_NORMAL_TEXT, contrastRatio } from './contrast';

/**
 * Every badge colour the UI uses meets WCAG AA (4.5:1) in the light theme, computed through the
 * theme's own colour resolver: the strategy's status badges ("Bagud" …) from their mapping, every
 * other <Badge color=…> ("På venteliste" …) from its literal colours or the mapping in its file.
 * A badge colour this test cannot read fails it, so a new way of choosing a colour is checked too.
 */
const theme: MantineTheme = mergeMantineTheme(DEFAULT_THEME, retningTheme);
const files = webSources();
const source = (path: string) => files.find((f) => f.file === path)?.src ?? '';

/** A mapping's colours, read from its source (`const NAME … = { key: 'orange.9', … }`). */
function mapping(src: string, name: string): string[] {
  const body = new RegExp(`const ${name}\\b[^=]*=\\s*\\{([^}]*)\\}`).exec(src)?.[1] ?? '';
  return [...body.matchAll(/'([a-z]+(?:\.\d)?)'/g)].map((m) => m[1] ?? '');
}
const STATUS_COLORS = mapping(source('features/strategy/components/StatusBadge.tsx'), 'STATUS_COLOR');

const VAR = /^var\(--mantine-color-([a-z]+)-(\d|filled|light|outline)\)$/;
const primaryShade = typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light;
/** A resolved CSS value as a colour: theme variables as Mantine defines them, transparent as the white page. */
function cssColor(value: string | undefined): string {
  if (!value || value === 'transparent') return 'rgba(255, 255, 255, 0)';
  if (value === 'var(--mantine-color-white)') return theme.white;
  const v = VAR.exec(value);
  if (!v) return value;
  const kind = v[2] ?? '';
  const hex = theme.colors[v[1] ?? '']?.[/^\d$/.test(kind) ? Number(kind) : primaryShade];
  if (!hex) throw new Error(`no colour for ${value}`);
  // --mantine-color-<c>-light is the colour at 10 % over the page
  return kind === 'light' ? `rgba(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')}, 0.1)` : hex;
}

function badgeContrast(color: string, variant: string): number {
  const resolved = variantColorResolver({ color, theme, variant, gradient: undefined, autoContrast: undefined });
  return contrastRatio(cssColor(resolved.color), cssColor(resolved.background));
}

const VARIANTS = ['filled', 'light', 'outline', 'dot', 'transparent', 'white', 'default'];
const isThemeColor = (c: string) => (c.split('.')[0] ?? '') in theme.colors;

/** The colours one badge's `color` can take: a literal, a condition's literals, or a mapping in the same file (`${COLOR[s] ?? 'gray'}.9` too). */
function colorsOf(src: string, expression: string): string[] {
  const map = /([A-Z_]+)\[/.exec(expression)?.[1];
  const literals = expression.includes("'") || map ? [...expression.matchAll(/'([a-z]+(?:\.\d)?)'/g)].map((m) => m[1] ?? '').filter(isThemeColor) : [expression];
  const suffix = /\}(\.\d)`$/.exec(expression)?.[1] ?? '';
  return (map ? [...mapping(src, map), ...literals] : literals).map((c) => c + suffix);
}

/** Every (colour, variant) a <Badge> is drawn with; "filled" unless the badge says otherwise. */
function badges(): { where: string; color: string; variant: string }[] {
  const out: { where: string; color: string; variant: string }[] = [];
  for (const { file, src } of files) {
    for (const tag of openingTags(src, 'Badge')) {
      const color = attribute(tag, 'color');
      if (color === null) continue; // the theme's primary colour, checked below
      const variant = attribute(tag, 'variant') ?? 'filled';
      const variants = variant.includes("'") ? [...variant.matchAll(/'(\w+)'/g)].map((m) => m[1] ?? '').filter((v) => VARIANTS.includes(v)) : [variant];
      const colors = colorsOf(src, color);
      if (!colors.length || !colors.every((c) => /^[a-z]+(\.\d)?$/.test(c) && isThemeColor(c))) throw new Error(`${file}: a badge colour this test cannot read: ${color}`);
      for (const c of colors) for (const v of variants) out.push({ where: `${file} ${c} ${v}`, color: c, variant: v });
    }
  }
  return out;
}

describe('badge colours meet 4.5:1', () => {
  it('the status badges: "Bagud" (orange.9, filled) and the rest of the strategy statuses', () => {
    expect(STATUS_COLORS).toContain('orange.9');
    for (const color of STATUS_COLORS) expect(badgeContrast(color, 'filled'), color).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it('every badge in the UI with its variant, "På venteliste" (orange.9, filled) among them', () => {
    const all = badges();
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((b) => b.where.startsWith('features/competence/pages/CoursesPage.tsx orange.9 filled'))).toBe(true);
    const low = all.map((b) => ({ ...b, ratio: badgeContrast(b.color, b.variant) })).filter((b) => b.ratio < AA_NORMAL_TEXT);
    expect(low.map((b) => `${b.where}: ${b.ratio.toFixed(2)}:1`)).toEqual([]);
    expect(badgeContrast(theme.primaryColor, 'filled')).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it('links, glossary terms in a forløb among them, in the primary colour on white', () => {
    expect(contrastRatio(cssColor(`var(--mantine-color-${theme.primaryColor}-filled)`), theme.white)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it('the contrast arithmetic', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#d9480f')).toBeCloseTo(4.3, 1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(3.98, 1);
  });
});
