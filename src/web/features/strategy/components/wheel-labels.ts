/**
 * Which årshjul items get a label beside their dot, and on which side. The wheel is a polar chart:
 * an item sits at its day's angle (clockwise from the top) and at its kind's share of the radius.
 * Labels are horizontal, so near each other they would overlap: items are taken in order
 * (`items` as given: the caller puts the important ones first), each label is cut to `maxWidth`
 * with "…", tried on its side towards the centre (there is more room) and then the other, and shown only if it
 * stays inside the week ring and overlaps neither a label already placed nor another item's dot.
 * Items without a label keep their tooltip, and the list below the wheel has them all.
 */
export type WheelItem = { day: number; ring: number; text: string };
export type WheelLabel = { show: boolean; position: 'left' | 'right'; text: string };
export type WheelGeometry = {
  /** Days in the year: the full circle. */
  total: number;
  /** Pixels from the centre to ring 1 (the polar radius). */
  radius: number;
  /** Pixels from the centre to the inside of the week ring: labels stay within. */
  inner: number;
  measure: (text: string) => number;
  maxWidth: number;
  lineHeight: number;
  /** The dot's diameter and the space between dot and label, in pixels. */
  dot: number;
  gap: number;
};

type Box = { x0: number; x1: number; y0: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The text cut to fit the width, with "…" when cut. */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  let n = text.length;
  while (n > 1 && measure(`${text.slice(0, n).trimEnd()}…`) > maxWidth) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}

export function placeLabels(items: WheelItem[], g: WheelGeometry): WheelLabel[] {
  const at = items.map((i) => {
    const angle = (2 * Math.PI * i.day) / g.total;
    return { x: i.ring * g.radius * Math.sin(angle), y: -i.ring * g.radius * Math.cos(angle) };
  });
  const dots: Box[] = at.map(({ x, y }) => ({ x0: x - g.dot / 2, x1: x + g.dot / 2, y0: y - g.dot / 2, y1: y + g.dot / 2 }));
  const inside = (b: Box) => [b.x0, b.x1].every((x) => [b.y0, b.y1].every((y) => Math.hypot(x, y) < g.inner - 2));
  const placed: Box[] = [];
  return items.map((item, index) => {
    const { x, y } = at[index] ?? { x: 0, y: 0 };
    const text = fitText(item.text, g.maxWidth, g.measure);
    const width = g.measure(text);
    const preferred: WheelLabel['position'] = x > 0 ? 'left' : 'right';
    for (const position of [preferred, preferred === 'left' ? 'right' : 'left'] as const) {
      const near = g.dot / 2 + g.gap;
      const box: Box =
        position === 'right'
          ? { x0: x + near, x1: x + near + width, y0: y - g.lineHeight / 2, y1: y + g.lineHeight / 2 }
          : { x0: x - near - width, x1: x - near, y0: y - g.lineHeight / 2, y1: y + g.lineHeight / 2 };
      if (!inside(box) || placed.some((p) => overlaps(p, box)) || dots.some((d, j) => j !== index && overlaps(d, box))) continue;
      placed.push(box);
      return { show: true, position, text };
    }
    return { show: false, position: preferred, text };
  });
}
