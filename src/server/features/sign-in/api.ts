/** What the sign-in feature offers other features: the provider's end-session link for sign-out. */
export { endSessionUrl } from './logout';
