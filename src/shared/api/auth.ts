import { z } from 'zod';
import { ZMe } from './me';

/* Sign-in, one-time links and self-service reset: what each route answers. */

/** POST /auth/login: the CSRF token for the new session and the signed-in account. */
export const ZLoginResult = z.object({ csrfToken: z.string(), me: ZMe });
export type TLoginResult = z.input<typeof ZLoginResult>;

/** GET /auth/tokens/:token: who an invitation or reset link is for. */
export const ZTokenInfo = z.object({
  kind: z.enum(['invite', 'reset']),
  email: z.string(),
  name: z.string().nullable(),
  schoolName: z.string().nullable(),
});
export type TTokenInfo = z.input<typeof ZTokenInfo>;

/** POST /auth/password-reset (202, alike for known and unknown addresses): whether e-mail is set up. */
export const ZResetRequested = z.object({ emailEnabled: z.boolean() });
export type TResetRequested = z.input<typeof ZResetRequested>;

/** POST /auth/logout: the provider's end-session link (docs/sign-in.md), else null. */
export { ZLogoutResult, type TLogoutResult } from './sign-in';
