import type { TProvider, TProviderClaims, TProviderInput, TProviderKind, TProviderPatch } from '../../../shared/api/sign-in';

/** The provider form's fields as typed; the tenants one per line (or separated by commas or spaces). */
export type ProviderValues = {
  kind: TProviderKind;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  tenants: string;
  emailMatching: boolean;
  active: boolean;
  /** Claim names as typed; empty means the kind's default. The role values separated by commas. */
  claims: ClaimValues;
};

export type ClaimValues = { subject: string; email: string; name: string; roleGroup: string; staffValues: string; studentValues: string };
export const NO_CLAIMS: ClaimValues = { subject: '', email: '', name: '', roleGroup: '', staffValues: '', studentValues: '' };

const listOf = (text: string): string[] => [...new Set(text.split(',').map((v) => v.trim()).filter(Boolean))];

/** The form's claim fields from stored settings. */
export const claimValuesOf = (c: TProviderClaims): ClaimValues => ({
  subject: c.subject ?? '',
  email: c.email ?? '',
  name: c.name ?? '',
  roleGroup: c.roleGroup ?? '',
  staffValues: (c.staffValues ?? []).join(', '),
  studentValues: (c.studentValues ?? []).join(', '),
});

/** Only the claims the administrator wrote; Entra ID's subject is never sent (it is always tid and oid). */
export function claimsOf(kind: TProviderKind, v: ClaimValues): TProviderClaims {
  const out: TProviderClaims = {};
  if (kind !== 'entra' && v.subject.trim()) out.subject = v.subject.trim();
  if (v.email.trim()) out.email = v.email.trim();
  if (v.name.trim()) out.name = v.name.trim();
  if (v.roleGroup.trim()) out.roleGroup = v.roleGroup.trim();
  if (listOf(v.staffValues).length) out.staffValues = listOf(v.staffValues);
  if (listOf(v.studentValues).length) out.studentValues = listOf(v.studentValues);
  return out;
}

/** The tenant ids written in the field, each once, in the order written. */
export const tenantsOf = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).filter(Boolean))];

export type MissingField = 'label' | 'issuer' | 'clientId' | 'clientSecret' | 'tenants';

/**
 * What is missing before the server is asked (it checks again, and reads the issuer's discovery
 * document, which only it can): a secret on a new provider, and for Entra ID at least one tenant.
 */
export function missingFields(v: ProviderValues, editing: boolean): Set<MissingField> {
  const out = new Set<MissingField>();
  if (!v.label.trim()) out.add('label');
  if (!v.issuer.trim()) out.add('issuer');
  if (!v.clientId.trim()) out.add('clientId');
  if (!editing && v.clientSecret === '') out.add('clientSecret');
  if (v.kind === 'entra' && tenantsOf(v.tenants).length === 0) out.add('tenants');
  return out;
}

/** A new provider. Tenants are sent only for Entra ID, where they mean something. */
export const toInput = (v: ProviderValues): TProviderInput => ({
  kind: v.kind,
  label: v.label.trim(),
  issuer: v.issuer.trim(),
  clientId: v.clientId.trim(),
  clientSecret: v.clientSecret,
  allowedTenants: v.kind === 'entra' ? tenantsOf(v.tenants) : [],
  emailMatching: v.emailMatching,
  active: v.active,
  claims: claimsOf(v.kind, v.claims),
});

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Only what changed; an empty secret field keeps the stored secret, so it is then left out. */
export function toPatch(p: TProvider, v: ProviderValues): TProviderPatch {
  const patch: TProviderPatch = {};
  if (v.label.trim() !== p.label) patch.label = v.label.trim();
  if (v.issuer.trim() !== p.issuer) patch.issuer = v.issuer.trim();
  if (v.clientId.trim() !== p.clientId) patch.clientId = v.clientId.trim();
  if (v.clientSecret !== '') patch.clientSecret = v.clientSecret;
  if (p.kind === 'entra' && !sameList(tenantsOf(v.tenants), p.allowedTenants)) patch.allowedTenants = tenantsOf(v.tenants);
  if (v.emailMatching !== p.emailMatching) patch.emailMatching = v.emailMatching;
  if (v.active !== p.active) patch.active = v.active;
  const claims = claimsOf(p.kind, v.claims);
  if (JSON.stringify(claims) !== JSON.stringify(claimsOf(p.kind, claimValuesOf(p.claims)))) patch.claims = claims;
  return patch;
}
