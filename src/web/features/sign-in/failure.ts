import { SIGN_IN_FAILURES, type TSignInFailure } from '../../../shared/api/sign-in';

/** The reason in `/log-ind/fejl?grund=…`; anything else (a hand-edited address) reads as an unknown failure. */
export const failureOf = (grund: string | null): TSignInFailure | 'unknown' =>
  SIGN_IN_FAILURES.find((f) => f === grund) ?? 'unknown';

