import { z } from 'zod';
import { ZTimestamp } from './common';

/*
 * Sign-in with the schools' own identity providers (docs/sign-in.md): UNI-Login, Microsoft Entra
 * ID or another OpenID Connect provider. The client secret travels only into the server (an
 * input); no answer carries it, only whether one is set.
 */

export const PROVIDER_KINDS = ['unilogin', 'entra', 'oidc'] as const;
export const ZProviderKind = z.enum(PROVIDER_KINDS);
export type TProviderKind = z.infer<typeof ZProviderKind>;

/** The suggestion a provider's role group maps to; it grants nothing. */
export const ZSuggestedRole = z.enum(['staff', 'student']);
export type TSuggestedRole = z.infer<typeof ZSuggestedRole>;

/** Why a sign-in failed: `/log-ind/fejl?grund=<reason>` and the audit entry's `reason`. */
export const SIGN_IN_FAILURES = [
  'state',
  'nonce',
  'audience',
  'expired',
  'signature',
  'tenant',
  'unknown_identity',
  'inactive',
  'provider_error',
  'exchange',
  /** The invitation the flow carried is used, expired or for another school. */
  'invitation',
] as const;
export type TSignInFailure = (typeof SIGN_IN_FAILURES)[number];

/**
 * Which claims carry what when the provider's settings leave it out (docs/sign-in.md, "Claim
 * defaults"). Entra ID's subject is always `tid:oid` (`sub` differs per application, `oid` does not).
 */
export const CLAIM_DEFAULTS: Record<TProviderKind, { subject: string | null; email: string; name: string; roleGroup: string | null; staffValues: string[]; studentValues: string[] }> = {
  entra: { subject: null, email: 'email', name: 'name', roleGroup: null, staffValues: [], studentValues: [] },
  unilogin: { subject: 'uniid', email: 'email', name: 'name', roleGroup: 'aktoer_gruppe', staffValues: ['Medarbejder', 'Lærer', 'Leder'], studentValues: ['Elev'] },
  oidc: { subject: 'sub', email: 'email', name: 'name', roleGroup: null, staffValues: [], studentValues: [] },
};

export const SIGN_IN_LIMITS = { label: 80, issuer: 500, clientId: 300, clientSecret: 2000, tenants: 50, claim: 100, claimValues: 20 } as const;

const claimName = z.string().trim().min(1).max(SIGN_IN_LIMITS.claim);
/** Which claims carry what; absent keys take the kind's defaults (docs/sign-in.md). */
export const ZProviderClaims = z.strictObject({
  subject: claimName.optional(),
  email: claimName.optional(),
  name: claimName.optional(),
  roleGroup: claimName.optional(),
  staffValues: z.array(claimName).max(SIGN_IN_LIMITS.claimValues).optional(),
  studentValues: z.array(claimName).max(SIGN_IN_LIMITS.claimValues).optional(),
});
export type TProviderClaims = z.input<typeof ZProviderClaims>;

/* ---------------------------------------------------------------- public */

/** GET /auth/providers (public): one button per active provider. */
export const ZPublicProvider = z.object({
  id: z.string(),
  kind: ZProviderKind,
  label: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
});
export type TPublicProvider = z.input<typeof ZPublicProvider>;
export const ZPublicProviders = z.object({ providers: z.array(ZPublicProvider) });
export type TPublicProviders = z.input<typeof ZPublicProviders>;

/** GET /auth/oidc/:providerId/start: the invitation being accepted and where to go afterwards (a path of this app). */
export const ZSignInStart = z.strictObject({
  invitation: z.string().min(20).max(100).optional(),
  next: z.string().max(500).optional(),
});
export type TSignInStart = z.input<typeof ZSignInStart>;

/** GET /auth/oidc/callback: what the provider sends back (an error instead of a code when it refused). */
export const ZSignInCallback = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(500).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

/** POST /auth/logout: the provider's end-session link when the session came through one that has it, else null. */
export const ZLogoutResult = z.object({ endSessionUrl: z.string().nullable(), providerLabel: z.string().nullable().default(null) });
export type TLogoutResult = z.input<typeof ZLogoutResult>;

/* ---------------------------------------------------------------- administration */

const label = z.string().trim().min(1).max(SIGN_IN_LIMITS.label);
const issuer = z.url({ protocol: /^https?$/ }).max(SIGN_IN_LIMITS.issuer);
const clientId = z.string().trim().min(1).max(SIGN_IN_LIMITS.clientId);
const clientSecret = z.string().min(1).max(SIGN_IN_LIMITS.clientSecret);
const tenants = z.array(z.string().trim().min(1).max(100)).max(SIGN_IN_LIMITS.tenants);

/** POST /sign-in-providers. Entra ID needs at least one allowed tenant (422 `allowedTenants`). */
export const ZProviderInput = z.strictObject({
  kind: ZProviderKind,
  label,
  issuer,
  clientId,
  clientSecret,
  allowedTenants: tenants.default([]),
  emailMatching: z.boolean().default(false),
  claims: ZProviderClaims.default({}),
  active: z.boolean().default(true),
});
export type TProviderInput = z.input<typeof ZProviderInput>;

/** PATCH /sign-in-providers/:id. The kind is fixed; a secret given replaces the stored one, one left out keeps it. */
export const ZProviderPatch = z.strictObject({
  label: label.optional(),
  issuer: issuer.optional(),
  clientId: clientId.optional(),
  clientSecret: clientSecret.optional(),
  allowedTenants: tenants.optional(),
  emailMatching: z.boolean().optional(),
  claims: ZProviderClaims.optional(),
  active: z.boolean().optional(),
});
export type TProviderPatch = z.input<typeof ZProviderPatch>;

/** A provider as the administrator sees it: never the secret, only whether one is set. */
export const ZProvider = z.object({
  id: z.string(),
  kind: ZProviderKind,
  label: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  secretSet: z.boolean(),
  allowedTenants: z.array(z.string()),
  emailMatching: z.boolean(),
  claims: ZProviderClaims,
  active: z.boolean(),
  /** How many people are linked through it. */
  linkCount: z.number().int(),
  /** The redirect URI to register at the provider: PUBLIC_URL + /api/v1/auth/oidc/callback. */
  redirectUri: z.string(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TProvider = z.input<typeof ZProvider>;
export const ZProviderList = z.object({ providers: z.array(ZProvider), redirectUri: z.string() });
export type TProviderList = z.input<typeof ZProviderList>;

/* ---------------------------------------------------------------- links */

/** A person's link to an external identity (the subject itself is not shown). */
export const ZIdentity = z.object({
  id: z.string(),
  providerId: z.string(),
  providerLabel: z.string(),
  providerKind: ZProviderKind,
  suggestedRole: ZSuggestedRole.nullable(),
  linkedAt: ZTimestamp,
  lastSignInAt: ZTimestamp.nullable(),
});
export type TIdentity = z.input<typeof ZIdentity>;
/** GET /me/identities and GET /people/:id/identities. */
export const ZIdentityList = z.object({ identities: z.array(ZIdentity) });
export type TIdentityList = z.input<typeof ZIdentityList>;
