import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  rem,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/** A deep blue-teal that keeps 4.5:1 contrast against white at the shades we use. */
const retning: MantineColorsTuple = ['#e7f3f8', '#cfe5ee', '#9ecbdc', '#6aafc9', '#4198b9', '#278aaf', '#167fa6', '#036b8f', '#005d7e', '#004f6b'];

/**
 * Mantine's light, subtle and outline variants draw text in a mid shade (about 3:1 on white).
 * Draw it in a darkened shade 9 instead so badges, alerts and quiet buttons reach 4.5:1.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const { variant, theme } = input;
  if (variant !== 'light' && variant !== 'subtle' && variant !== 'outline') return base;
  const parsed = parseThemeColor({ color: input.color ?? theme.primaryColor, theme });
  const shades = parsed.isThemeColor ? theme.colors[parsed.color] : undefined;
  const deep = shades?.[9];
  if (!deep) return base;
  const text = darken(deep, 0.25);
  return { ...base, color: text, ...(variant === 'outline' ? { border: `${rem(1)} solid ${text}` } : {}) };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'retning',
  primaryShade: { light: 8, dark: 8 },
  colors: { retning },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Mantine cuts a badge's label to one line with an ellipsis, so a status on a phone loses its
    // end ("Ikke n…" for "Ikke nået"). Badges grow to two lines instead and never get wider than their box.
    Badge: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflowWrap: 'break-word', lineHeight: 1.3, paddingBlock: 2 },
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
