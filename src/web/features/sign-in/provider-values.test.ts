import { describe, expect, it } from 'vitest';
import type { TProvider } from '../../../shared/api/sign-in';
import { NO_CLAIMS, type ProviderValues, claimValuesOf, missingFields, tenantsOf, toInput, toPatch } from './provider-values';

const entra: TProvider = {
  id: 'p1',
  kind: 'entra',
  label: 'Skolens Microsoft-konto',
  issuer: 'https://login.microsoftonline.com/t1/v2.0',
  clientId: 'client',
  secretSet: true,
  allowedTenants: ['t1'],
  emailMatching: false,
  claims: {},
  active: true,
  linkCount: 3,
  redirectUri: 'https://retning.example/api/v1/auth/oidc/callback',
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
};
const valuesOf = (p: TProvider): ProviderValues => ({ ...p, clientSecret: '', tenants: p.allowedTenants.join('\n'), claims: claimValuesOf(p.claims) });

describe('the provider form', () => {
  it('reads tenants one per line or separated by commas, each once', () => {
    expect(tenantsOf(' t1\nt2, t3;t2\n\n')).toEqual(['t1', 't2', 't3']);
    expect(tenantsOf('   ')).toEqual([]);
  });

  it('asks for a secret on a new provider only, and for tenants for Entra ID only', () => {
    const fresh: ProviderValues = {
      kind: 'unilogin',
      label: 'UNI-Login',
      issuer: 'https://broker.example',
      clientId: 'c',
      clientSecret: '',
      tenants: '',
      emailMatching: false,
      active: true,
      claims: NO_CLAIMS,
    };
    expect([...missingFields(fresh, false)]).toEqual(['clientSecret']);
    expect([...missingFields(fresh, true)]).toEqual([]);
    expect([...missingFields({ ...fresh, kind: 'entra', clientSecret: 's' }, false)]).toEqual(['tenants']);
    expect([...missingFields({ ...fresh, label: ' ', issuer: '', clientId: '' }, true)]).toEqual(['label', 'issuer', 'clientId']);
  });

  it('sends tenants only for Entra ID and trims what was typed', () => {
    const typed = { label: ' UNI-Login ', issuer: ' https://broker.example ', clientId: ' c ', clientSecret: ' s ', tenants: 't1' };
    const input = toInput({ kind: 'unilogin', ...typed, emailMatching: true, active: true, claims: NO_CLAIMS });
    // the secret is sent as typed: spaces may be part of it
    expect(input).toEqual({
      kind: 'unilogin',
      label: 'UNI-Login',
      issuer: 'https://broker.example',
      clientId: 'c',
      clientSecret: ' s ',
      allowedTenants: [],
      emailMatching: true,
      active: true,
      claims: {},
    });
  });

  it('sends only the claims written, role values as a list, and never a subject for Entra ID', () => {
    const typed = { ...NO_CLAIMS, subject: ' uid ', roleGroup: 'groups', staffValues: 'Lærer, Leder, ,Lærer', studentValues: '' };
    const v = { kind: 'unilogin' as const, label: 'U', issuer: 'https://u', clientId: 'c', clientSecret: 's', tenants: '', emailMatching: false, active: true, claims: typed };
    expect(toInput(v).claims).toEqual({ subject: 'uid', roleGroup: 'groups', staffValues: ['Lærer', 'Leder'] });
    expect(toInput({ ...v, kind: 'entra' }).claims).toEqual({ roleGroup: 'groups', staffValues: ['Lærer', 'Leder'] });
    expect(toPatch(entra, { ...valuesOf(entra), claims: { ...NO_CLAIMS, email: 'upn_mail' } })).toEqual({ claims: { email: 'upn_mail' } });
  });

  it('patches only what changed, and keeps the stored secret when the field is left empty', () => {
    expect(toPatch(entra, valuesOf(entra))).toEqual({});
    const changed = toPatch(entra, { ...valuesOf(entra), clientSecret: 'new', tenants: 't1\nt2', active: false });
    expect(changed).toEqual({ clientSecret: 'new', allowedTenants: ['t1', 't2'], active: false });
    expect(toPatch(entra, { ...valuesOf(entra), label: 'Microsoft ' })).toEqual({ label: 'Microsoft' });
  });
});
