import type { ProviderClaims, ProviderKind } from '../../db/schema/sign-in';
import { CLAIM_DEFAULTS, type TSignInFailure, type TSuggestedRole } from '../../../shared/api/sign-in';

/*
 * What an ID token says, read by the provider's kind and its claim settings (docs/sign-in.md,
 * "Claim defaults"). The link is keyed on the subject only, never on an e-mail or a user name.
 */

export type ReadIdentity = { subject: string; email: string | null; emailVerified: boolean; name: string | null; suggestedRole: TSuggestedRole | null };
export type ReadResult = { ok: true; identity: ReadIdentity } | { ok: false; reason: TSignInFailure };

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const present = (x: string | null): x is string => x !== null;
const values = (v: unknown): string[] => (Array.isArray(v) ? v.map(text) : [text(v)]).filter(present);

/** Reads the subject, e-mail, name and suggested role from validated ID-token claims; Entra's tenant must be allowed. */
export function readIdentity(provider: { kind: ProviderKind; claims: ProviderClaims; allowedTenants: string[] }, claims: Record<string, unknown>): ReadResult {
  const d = CLAIM_DEFAULTS[provider.kind];
  const c = { ...d, ...provider.claims };
  let subject: string | null;
  // Entra ID: always `tid:oid`, and only from an allowed tenant (providers-commands.ts refuses another subject claim)
  if (provider.kind === 'entra') {
    const tid = text(claims.tid);
    const oid = text(claims.oid);
    if (!tid || !provider.allowedTenants.includes(tid)) return { ok: false, reason: 'tenant' };
    subject = oid ? `${tid}:${oid}` : null;
  } else {
    subject = text(claims[c.subject ?? 'sub']);
  }
  if (!subject) return { ok: false, reason: 'provider_error' };
  const email = text(claims[c.email])?.toLowerCase() ?? null;
  // Entra ID vouches for its own tenant's `email`; others must say the address is verified
  const emailVerified = email !== null && (provider.kind === 'entra' || claims.email_verified === true);
  const group = c.roleGroup ? values(claims[c.roleGroup]) : [];
  const suggestedRole: TSuggestedRole | null = group.some((g) => c.staffValues.includes(g))
    ? 'staff'
    : group.some((g) => c.studentValues.includes(g))
      ? 'student'
      : null;
  return { ok: true, identity: { subject, email, emailVerified, name: text(claims[c.name]), suggestedRole } };
}
