import { describe, expect, it } from 'vitest';
import { SIGN_IN_FAILURES } from '../../../shared/api/sign-in';
import da from '../../locales/da.json';
import en from '../../locales/en.json';
import { failureOf } from './failure';

describe('the sign-in failure page', () => {
  it('reads each reason the server sends, and anything else as unknown', () => {
    for (const f of SIGN_IN_FAILURES) expect(failureOf(f)).toBe(f);
    expect(failureOf(null)).toBe('unknown');
    expect(failureOf('')).toBe('unknown');
    expect(failureOf('<script>')).toBe('unknown');
    expect(failureOf('STATE')).toBe('unknown');
  });

  it('has a Danish and an English explanation for every reason', () => {
    for (const f of [...SIGN_IN_FAILURES, 'unknown'] as const) {
      expect(da.signIn.failure[f], f).toMatch(/\S/);
      expect(en.signIn.failure[f], f).toMatch(/\S/);
    }
  });
});
