/** Kept for the demo seed (src/server/seed/demo-competence.ts), which imports syncOnboarding from here; it should import competence/api.ts. */
export { syncOnboarding } from './courses-commands';
