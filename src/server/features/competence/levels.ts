import { BASIC_CHECKS } from './framework-data';

/** How many of the basic-skills statements a person must confirm not to be at level 0. */
export const BASIC_PASS = 4;
export const MIN_LEVEL = 0;
export const MAX_LEVEL = 6;

/**
 * True when the basic-skills check is passed; an unanswered check is not passed. A person who does
 * not pass it is at level 0: a flag on the person (a special effort: the level-0 courses, the
 * department head's level-0 list), not a change of their answers, which count as given.
 */
export function basicPassed(answers: readonly boolean[] | null | undefined): boolean {
  if (!answers || answers.length !== BASIC_CHECKS.length) return false;
  return answers.filter(Boolean).length >= BASIC_PASS;
}

/** A stored answer as it counts: the level the person gave, whether or not they are at level 0 (an answer outside 0–6 is a fault). */
export function answeredLevel(answer: number): number {
  if (!Number.isInteger(answer) || answer < MIN_LEVEL || answer > MAX_LEVEL) throw new RangeError(`level ${answer} outside 0–6`);
  return answer;
}

/** The level of an area: the mean of its competences, rounded down (a level is reached when the mean reaches it). */
export function levelOfMean(mean: number): number {
  if (!Number.isFinite(mean)) return 0;
  return Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, Math.floor(mean + 1e-9)));
}

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
export const round1 = (x: number) => Math.round(x * 10) / 10;
