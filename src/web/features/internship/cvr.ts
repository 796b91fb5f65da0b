/**
 * A Danish CVR number: 8 digits whose weighted sum (weights 2, 7, 6, 5, 4, 3, 2, 1) is divisible
 * by 11. The server checks the same; the form checks it too so that a typo is caught as it is typed.
 */
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

export type CvrProblem = 'length' | 'checksum' | null;

/** Why a CVR number is not valid (spaces allowed between digit groups), or null when it is. */
export function cvrProblem(input: string): CvrProblem {
  const digits = input.replace(/\s/g, '');
  if (!/^\d{8}$/.test(digits)) return 'length';
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return sum % 11 === 0 ? null : 'checksum';
}

/** A P-number is optional; when given it is 10 digits. */
export const pNumberValid = (input: string): boolean => input.trim() === '' || /^\d{10}$/.test(input.replace(/\s/g, ''));
