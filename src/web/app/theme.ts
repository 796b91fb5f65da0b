import {
  CloseButton,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  mergeThemeOverrides,
  parseThemeColor,
  rem,
  rgba,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
  type VariantColorsResolver,
} from '@mantine/core';
import { darkenFor } from '../shared/contrast';

/** A deep blue-teal that keeps 4.5:1 contrast against white at the shades we use. */
const retning: MantineColorsTuple = ['#e7f3f8', '#cfe5ee', '#9ecbdc', '#6aafc9', '#4198b9', '#278aaf', '#167fa6', '#036b8f', '#005d7e', '#004f6b'];

/**
 * Mantine's light, subtle and outline variants draw text in a mid shade (about 3:1 on white).
 * Draw it in a darkened shade 9 instead so badges, alerts and quiet buttons reach 4.5:1, darker
 * still where the light variant's tinted background needs it (yellow.9 was 4.4998:1).
 */
export const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const { variant, theme } = input;
  if (variant === 'filled') return readableFilled(input, base);
  if (variant !== 'light' && variant !== 'subtle' && variant !== 'outline') return base;
  const parsed = parseThemeColor({ color: input.color ?? theme.primaryColor, theme });
  const shades = parsed.isThemeColor ? theme.colors[parsed.color] : undefined;
  const deep = shades?.[9];
  if (!deep) return base;
  const tint = shades[parsed.shade ?? (typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light)] ?? deep;
  const text = darkenFor(darken(deep, 0.25), variant === 'light' ? rgba(tint, 0.1) : '#ffffff');
  return { ...base, color: text, ...(variant === 'outline' ? { border: `${rem(1)} solid ${text}` } : {}) };
};

/**
 * Filled badges and buttons carry white text: a background too light for it (orange.9 "Bagud" and
 * "På venteliste" 4.3:1, green.9 "På sporet" 4.4:1) is darkened a few per cent until the text
 * reaches 4.5:1, so every status colour meets WCAG AA wherever it is used.
 */
function readableFilled(input: Parameters<VariantColorsResolver>[0], base: ReturnType<VariantColorsResolver>): ReturnType<VariantColorsResolver> {
  if (input.autoContrast ?? input.theme.autoContrast) return base;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.value.startsWith('#')) return base;
  const background = darkenFor(parsed.value, '#ffffff');
  return background === parsed.value ? base : { ...base, background, hover: darken(background, 0.1) };
}

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'retning',
  primaryShade: { light: 8, dark: 8 },
  colors: { retning },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  // Someone who asked the system for less motion gets menus, modals and drawers without their transitions (WCAG 2.3.3).
  respectReducedMotion: true,
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Mantine cuts a badge's label to one line with an ellipsis, so a status on a phone loses its
    // end ("Ikke n…" for "Ikke nået"). Badges grow to two lines instead and never get wider than their box.
    // The label is never narrower than its longest word: it hides its overflow, so without that a
    // table squeezed a badge's column and broke "Aktiv" and "Administrator" inside the word.
    Badge: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflowWrap: 'break-word', minWidth: 'min-content', lineHeight: 1.3, paddingBlock: 2 },
      },
    },
  },
});

/** Mantine's default dimmed grey (gray.6) is below 4.5:1 on white; use gray.7. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {},
});

/**
 * The theme in the UI's language: Mantine's own close buttons (a notification's, an alert's, a
 * modal's) are named "Luk" where the component gives them no name of its own.
 */
export function themeIn(t: (key: string) => string): MantineThemeOverride {
  // CloseButton's props leave out the button's own attributes, though it passes them to the button
  const named: Record<string, string> = { 'aria-label': t('common.close') };
  return mergeThemeOverrides(theme, { components: { CloseButton: CloseButton.extend({ defaultProps: named }) } });
}
