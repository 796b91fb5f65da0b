/** What the competence module offers outside itself (the demo seed, benches): its frameworks, the onboarding track and bulk assessments. */
export { competencesOf, ensureFramework, loadFramework } from './frameworks';
export { syncOnboarding } from './courses-commands';
export { writeAssessments } from './bulk-assessments';
