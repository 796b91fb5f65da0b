import { describe, expect, it } from 'vitest';
import { cvrProblem, pNumberValid } from './cvr';
import { isoWeekOf, mondayOf, parseWeekKey, shiftWeek, weekKey, weeksInYear } from './weeks';

describe('Danish ISO weeks', () => {
  it('puts New Year days in the right year and week', () => {
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2026-03-19')).toEqual({ year: 2026, week: 12 });
  });
  it('finds Monday of a week and steps over the year', () => {
    expect(mondayOf({ year: 2026, week: 12 })).toBe('2026-03-16');
    expect(mondayOf({ year: 2025, week: 1 })).toBe('2024-12-30');
    expect(shiftWeek({ year: 2026, week: 53 }, 1)).toEqual({ year: 2027, week: 1 });
    expect(shiftWeek({ year: 2027, week: 1 }, -1)).toEqual({ year: 2026, week: 53 });
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });
  it('reads and writes week keys, refusing weeks the year lacks', () => {
    expect(weekKey({ year: 2026, week: 3 })).toBe('2026-W03');
    expect(parseWeekKey('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseWeekKey('2025-W53')).toBeNull();
    expect(parseWeekKey('uge 12')).toBeNull();
  });
});

describe('CVR numbers in the company form', () => {
  it('accepts real CVR numbers and says why others are wrong', () => {
    // Novo Nordisk A/S, Carlsberg A/S, Mærsk
    for (const cvr of ['24256790', '61056416', '22756214', '2425 6790']) expect(cvrProblem(cvr)).toBeNull();
    expect(cvrProblem('24256791')).toBe('checksum');
    expect(cvrProblem('1234567')).toBe('length');
    expect(cvrProblem('1234567a')).toBe('length');
  });
  it('takes an empty P-number or ten digits', () => {
    expect(pNumberValid('')).toBe(true);
    expect(pNumberValid('1003388394')).toBe(true);
    expect(pNumberValid('100338839')).toBe(false);
  });
});
