import { showAggregate, type Histogram } from '../../platform/anonymity';

/**
 * The arithmetic of survey counts (docs/surveys.md): a count row holds seven numbers, the answers
 * 1–5 at 0..4, "ved ikke / ikke relevant" at 5 and "ønsker ikke at svare" at 6. Means and shares
 * are taken here and nowhere else; whether they may be shown is the anonymity module's decision.
 */
export const SCALE_POINTS = 5;
export const DONT_KNOW = 5;
export const NO_ANSWER = 6;
export const COUNT_SLOTS = 7;

export type Counts = number[];

export const emptyCounts = (): Counts => Array.from({ length: COUNT_SLOTS }, () => 0);

/** Adds count rows slot by slot (missing slots count as 0). */
export function addCounts(...rows: Counts[]): Counts {
  const out = emptyCounts();
  for (const r of rows) for (let i = 0; i < COUNT_SLOTS; i++) out[i] = (out[i] ?? 0) + (r[i] ?? 0);
  return out;
}

/** The answers on the scale, as a histogram of levels 0..4 (= 1..5). */
export const scaleHistogram = (c: Counts): Histogram => Array.from({ length: SCALE_POINTS }, (_, i) => c[i] ?? 0);
export const onScale = (c: Counts): number => scaleHistogram(c).reduce((s, n) => s + n, 0);

/** The mean on the 1–5 scale of the answers that gave a point on it; null without any. */
export function meanOf(c: Counts): number | null {
  const n = onScale(c);
  if (!n) return null;
  return scaleHistogram(c).reduce((s, k, i) => s + k * (i + 1), 0) / n;
}

/**
 * A mean may be shown when enough people gave a point on the scale and they did not all give the
 * same one (the anonymity module's single-figure rule, applied to the answers the mean is made of).
 */
export const meanShown = (c: Counts): boolean => showAggregate(onScale(c), false, scaleHistogram(c));

/** The mean if it may be shown, else null. */
export const shownMean = (c: Counts): number | null => (meanShown(c) ? meanOf(c) : null);

export const round2 = (n: number): number => Math.round(n * 100) / 100;
