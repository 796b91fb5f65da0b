import { describe, expect, it } from 'vitest';
import { fitText, placeLabels, type WheelGeometry } from './wheel-labels';

/* The årshjul's labels (issue 10): short titles that fit, never on top of each other or of a dot, inside the week ring. */

const measure = (s: string) => s.length * 6;
const geometry: WheelGeometry = { total: 365, radius: 190, inner: 196, measure, maxWidth: 96, lineHeight: 12, dot: 10, gap: 4 };

describe('årshjul labels', () => {
  it('cuts a long title with "…" to the width, and keeps a short one', () => {
    expect(fitText('Statusmøde', 96, measure)).toBe('Statusmøde');
    const cut = fitText('Pædagogisk dag om feedback og fælles kriterier', 96, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(96);
  });

  it('puts a label towards the centre (left of its dot in the first half of the year, right in the second)', () => {
    const [autumn, spring] = placeLabels(
      [
        { day: 80, ring: 0.88, text: 'Pædagogisk dag' },
        { day: 260, ring: 0.88, text: 'Strategiseminar' },
      ],
      geometry,
    );
    expect(autumn).toMatchObject({ show: true, position: 'left' });
    expect(spring).toMatchObject({ show: true, position: 'right' });
  });

  it('of items close together, the first keeps its label, the next moves to the other side, and one with no room on either goes without', () => {
    // three items at 90° (the right of the wheel): x = 95, 114 and 161.5
    const labels = placeLabels(
      [
        { day: 91.25, ring: 0.5, text: 'Statusmøde' },
        { day: 91.25, ring: 0.6, text: 'Møde' },
        { day: 91.25, ring: 0.85, text: 'Evaluering' },
      ],
      geometry,
    );
    expect(labels[0]).toMatchObject({ show: true, position: 'left' });
    expect(labels[1]).toMatchObject({ show: true, position: 'right' });
    expect(labels[2]?.show).toBe(false);
  });

  it('never lets a label reach into the week ring: with its own side taken, an item near the rim goes without', () => {
    const [inner, rim] = placeLabels(
      [
        { day: 91.25, ring: 0.6, text: 'Statusmøde' },
        { day: 91.25, ring: 0.95, text: 'Opfølgning' },
      ],
      geometry,
    );
    expect(inner).toMatchObject({ show: true, position: 'left' });
    expect(rim?.show).toBe(false);
    // alone, it has room towards the centre
    expect(placeLabels([{ day: 91.25, ring: 0.95, text: 'Opfølgning' }], geometry)[0]).toMatchObject({ show: true, position: 'left' });
    // on a small wheel neither side has room
    expect(placeLabels([{ day: 91.25, ring: 0.99, text: 'x'.repeat(40) }], { ...geometry, radius: 30, inner: 32 })[0]?.show).toBe(false);
  });
});
