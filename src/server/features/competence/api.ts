/** What the competence module offers outside itself (the demo seed, benches): its frameworks, the onboarding track and bulk assessments. */
export { competencesOf, ensureFramework, loadFramework } from './frameworks';
export { syncOnboarding } from './courses-commands';
export { writeAssessments } from './bulk-assessments';
/** The commands the demo seed writes rounds, courses, enrolments and contracts through (the routes' rules: capacity, waiting list, årshjul items). */
export { addSession, createCourse, enrol, evaluateEnrolment, recordProgress } from './courses-commands';
export { acknowledgeContract, createContract } from './contracts-commands';
export { openRound } from './rounds-commands';
export { saveSettings } from './settings-commands';
