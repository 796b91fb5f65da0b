/** What the sign-in feature offers other features: the provider's end-session link for sign-out. */
export { endSessionUrl } from './logout';
/** The admin CLI's add-provider and list-providers (the host configures a school's provider). */
export { addProviderAsHost, providersOfSchool } from './host';
