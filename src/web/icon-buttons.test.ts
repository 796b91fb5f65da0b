import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openingTags, webSources } from './test/jsx-tags';

/**
 * Every button that shows only an icon has a name a screen reader can say (WCAG 4.1.2): an
 * ActionIcon, a CloseButton, a Burger, an UnstyledButton and a menu's trigger carry an aria-label
 * from the locale files; Mantine's own close buttons (notifications, alerts, modals) get "Luk" from
 * the theme, and the rich-text toolbar its Danish labels. A static read of src/web; the browser
 * scan (e2e/danish-words.test.ts) checks every rendered button's name as well.
 */
const webDir = new URL('./', import.meta.url);
const files = webSources();

const ICON_ONLY = ['ActionIcon', 'CloseButton', 'Burger', 'UnstyledButton'];

describe('icon-only buttons have a name', () => {
  it('the reader finds the tags it checks', () => {
    const actionIcons = files.flatMap(({ src }) => openingTags(src, 'ActionIcon'));
    expect(actionIcons.length).toBeGreaterThan(5);
    expect(openingTags('<ActionIcon onClick={() => go(a > b)} aria-label={t("x")}>', 'ActionIcon')).toEqual(['<ActionIcon onClick={() => go(a > b)} aria-label={t("x")}>']);
  });

  for (const component of ICON_ONLY) {
    it(`every ${component} has an aria-label`, () => {
      const unnamed = files.flatMap(({ file, src }) => openingTags(src, component).filter((tag) => !/\baria-label(ledby)?=/.test(tag)).map((tag) => `${file}: ${tag.slice(0, 120)}`));
      expect(unnamed).toEqual([]);
    });
  }

  it('a menu trigger is a named button', () => {
    const unnamed = files.flatMap(({ file, src }) =>
      [...src.matchAll(/<Menu\.Target>\s*(<[^]*?>)/g)].map((m) => m[1] ?? '').filter((child) => !/\baria-label=/.test(child) && !/<Button\b/.test(child)).map((child) => `${file}: ${child.slice(0, 120)}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('Mantine\'s own close buttons are named by the theme, in the UI\'s language', () => {
    const theme = readFileSync(new URL('app/theme.ts', webDir), 'utf8');
    const providers = readFileSync(new URL('app/providers.tsx', webDir), 'utf8');
    expect(theme).toMatch(/'aria-label': t\('common\.close'\)/);
    expect(theme).toMatch(/CloseButton: CloseButton\.extend\(\{ defaultProps: named \}\)/);
    expect(providers).toMatch(/themeIn\(t\)/);
  });

  it('the rich-text editor\'s toolbar has Danish names', () => {
    const editors = files.filter(({ src }) => /<RichTextEditor\b/.test(src));
    expect(editors.length).toBeGreaterThan(0);
    for (const { file, src } of editors) for (const tag of openingTags(src, 'RichTextEditor')) expect(tag, file).toMatch(/\blabels=\{/);
  });
});
