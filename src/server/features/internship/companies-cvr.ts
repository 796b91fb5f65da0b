/**
 * Danish CVR numbers: eight digits whose weighted sum with the weights 2, 7, 6, 5, 4, 3, 2, 1 is
 * divisible by 11 (the modulus-11 check of the CVR register). P-numbers are ten digits; they
 * carry no check digit we can rely on, so only their form is checked.
 */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

export const isValidCvr = (cvr: string): boolean => {
  if (!/^\d{8}$/.test(cvr) || cvr.startsWith('0')) return false;
  const sum = CVR_WEIGHTS.reduce((acc, w, i) => acc + w * Number(cvr[i]), 0);
  return sum % 11 === 0;
};
