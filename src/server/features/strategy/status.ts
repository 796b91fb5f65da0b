import type { StrategyStatus } from '../../db/schema/strategy';

/** Thresholds (issue 3): on track at ≥ 95 % of expected progress, behind at 85–94 %, at risk below 85 %. */
export const ON_TRACK = 0.95;
export const BEHIND = 0.85;
const EPS = 1e-9;

export type IndicatorShape = {
  baseline: number;
  baselineOn: string;
  target: number;
  targetOn: string;
  direction: 'increase' | 'decrease' | 'maintain';
  tolerance: number | null;
};

const days = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** The expected value on a date: a straight line from baseline to target, flat after the target date. */
export function expectedValue(ind: IndicatorShape, on: string): number {
  if (ind.direction === 'maintain') return ind.target;
  const span = days(ind.targetOn) - days(ind.baselineOn);
  const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (days(on) - days(ind.baselineOn)) / span));
  return ind.baseline + (ind.target - ind.baseline) * share;
}

/**
 * Actual progress as a share of expected progress on the date of the measurement. For "maintain"
 * the share is 1 within the tolerance and falls by the deviation beyond it relative to the tolerance.
 */
export function progressRatio(ind: IndicatorShape, value: number, on: string): number {
  if (ind.direction === 'maintain') {
    const tol = ind.tolerance ?? 0;
    const dev = Math.abs(value - ind.target);
    if (dev <= tol + EPS) return 1;
    return tol > 0 ? Math.max(0, 1 - (dev - tol) / tol) : 0;
  }
  const expected = expectedValue(ind, on) - ind.baseline;
  if (Math.abs(expected) < EPS) return 1; // nothing expected yet
  return (value - ind.baseline) / expected;
}

/** Whether a value meets the indicator's target: at or past it in its direction, or within the tolerance when maintained. */
export function reachesTarget(ind: IndicatorShape, value: number): boolean {
  if (ind.direction === 'increase') return value >= ind.target - EPS;
  if (ind.direction === 'decrease') return value <= ind.target + EPS;
  return Math.abs(value - ind.target) <= (ind.tolerance ?? 0) + EPS;
}

/**
 * The status of an indicator on a day. Once its target date has passed, an indicator whose latest
 * value does not meet the target (or that was never measured) is 'not_reached': no longer on track,
 * behind or at risk, since there is no time left to catch up. Until then the progress ratio decides.
 */
export function indicatorStatus(ind: IndicatorShape, latest: { value: number; measuredOn: string } | null, today: string): StrategyStatus {
  if (today > ind.targetOn && !(latest && reachesTarget(ind, latest.value))) return 'not_reached';
  return statusOf(latest ? progressRatio(ind, latest.value, latest.measuredOn) : null);
}

export function statusOf(ratio: number | null): StrategyStatus {
  if (ratio === null) return 'no_data';
  if (ratio >= ON_TRACK - EPS) return 'on_track';
  if (ratio >= BEHIND - EPS) return 'behind';
  return 'at_risk';
}

const RANK: Record<StrategyStatus, number> = { no_data: 0, on_track: 1, behind: 2, at_risk: 3, not_reached: 4 };
/** An initiative follows its worst indicator; a target not reached by its date is the worst. */
export function worst(statuses: StrategyStatus[]): StrategyStatus {
  return statuses.reduce<StrategyStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'no_data');
}
