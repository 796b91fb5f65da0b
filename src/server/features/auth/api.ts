/** What the auth feature offers other features: accounts and one-time sign-in links. */
export { accountReachesBeyond, deliverLink, ensureAccount, issueToken, linkFor, type TokenKind } from './account-tokens';
