import type { TProvider, TProviderInput, TProviderKind, TProviderPatch } from '../../../shared/api/sign-in';

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
};

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
  return patch;
}
