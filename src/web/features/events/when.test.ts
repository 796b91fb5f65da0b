import { describe, expect, it } from 'vitest';
import { copenhagenParts, copenhagenToIso, formatSpan } from './when';

describe('session times in Copenhagen', () => {
  it('reads a wall-clock time in winter and in summer', () => {
    expect(copenhagenToIso('2026-12-08', '14:00')).toBe('2026-12-08T13:00:00.000Z');
    expect(copenhagenToIso('2026-06-10', '09:30')).toBe('2026-06-10T07:30:00.000Z');
  });
  it('takes the earlier moment when the clocks go back and moves a skipped time forward', () => {
    expect(copenhagenToIso('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(copenhagenToIso('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(copenhagenParts('2026-03-29T01:30:00.000Z')).toEqual({ day: '2026-03-29', time: '03:30' });
  });
  it('refuses what is not a day and a time', () => {
    expect(copenhagenToIso('', '14:00')).toBeNull();
    expect(copenhagenToIso('2026-12-08', '')).toBeNull();
    expect(copenhagenToIso('2026-02-31', '10:00')).toBeNull();
  });
  it('writes back the day and time it read', () => {
    expect(copenhagenParts('2026-12-08T13:00:00.000Z')).toEqual({ day: '2026-12-08', time: '14:00' });
    expect(copenhagenParts('2026-12-31T23:30:00.000Z')).toEqual({ day: '2027-01-01', time: '00:30' });
  });
  it('shows a span on one day with both times, and both days when it ends on another', () => {
    expect(formatSpan('2026-12-08T13:00:00.000Z', '2026-12-08T15:00:00.000Z', 'da')).toBe('tirsdag den 8. december 2026, 14.00–16.00');
    expect(formatSpan('2026-12-08T13:00:00.000Z', '2026-12-09T15:00:00.000Z', 'en')).toBe('Tuesday, 8 December 2026 14:00 – Wednesday, 9 December 2026 16:00');
  });
});
