/**
 * WCAG 2.1 contrast: relative luminance and the ratio of two colours, a translucent colour laid
 * over the page's white first. Used by the theme (filled badges and buttons keep white text at
 * 4.5:1) and by the test of every badge colour the UI uses.
 */
export const AA_NORMAL_TEXT = 4.5;

type Rgba = [number, number, number, number];

/** #rgb, #rrggbb, rgb() and rgba() as red, green, blue (0–255) and alpha (0–1). */
export function parseColor(color: string): Rgba {
  const c = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((x) => x + x).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(1) as Rgba;
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(c)?.[1];
  if (fn) {
    const [r = 0, g = 0, b = 0, a = 1] = fn.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  }
  throw new Error(`not a colour: ${color}`);
}

const over = (top: Rgba, base: Rgba): Rgba => {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (base[i] ?? 0) * (1 - a)).concat(1) as Rgba;
};

const channel = (v: number) => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

export const luminance = ([r, g, b]: Rgba) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** The contrast of text in `fg` on `bg`, both laid over `page` (white) when translucent. */
export function contrastRatio(fg: string, bg: string, page = '#ffffff'): number {
  const background = over(parseColor(bg), parseColor(page));
  const text = over(parseColor(fg), background);
  const [l1, l2] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  return ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05);
}

const hex = (rgba: Rgba) => `#${rgba.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** `background` darkened in small steps until `text` on it reaches `ratio` (as it is, when it already does). */
export function darkenFor(background: string, text: string, ratio = AA_NORMAL_TEXT): string {
  let rgba = parseColor(background);
  for (let step = 0; step < 40 && contrastRatio(text, hex(rgba)) < ratio; step++) rgba = [rgba[0] * 0.97, rgba[1] * 0.97, rgba[2] * 0.97, rgba[3]];
  return contrastRatio(text, background) >= ratio ? background : hex(rgba);
}
