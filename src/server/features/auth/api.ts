/** What the auth feature offers other features: accounts and one-time sign-in links. */
export { accountReachesBeyond, deliverLink, ensureAccount, issueToken, linkFor, TOKEN_TTL_DAYS, type TokenKind } from './account-tokens';
