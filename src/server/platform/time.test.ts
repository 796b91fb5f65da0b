import { describe, expect, it } from 'vitest';
import { copenhagenDay, todayInCopenhagen } from './time';

describe('Copenhagen time', () => {
  it('gives the Copenhagen calendar day, not the UTC one', () => {
    expect(copenhagenDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(copenhagenDay(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(copenhagenDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(todayInCopenhagen()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
