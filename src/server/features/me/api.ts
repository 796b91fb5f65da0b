/** What the me feature offers other features: the signed-in actor as GET /me answers it. */
export { presentMe } from './presenter';
