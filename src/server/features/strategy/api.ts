/** What the strategy feature offers other features: the årshjul's subscriptions are listed by the scope its rules set. */
export { feedScope, type DepartmentScoped, type FeedResource } from './policy';
/** The commands the demo seed writes its strategy through, with the routes' input schemas (the same validation and audit events as the API). */
export type { Writer as StrategyWriter } from './command-kit';
export { addCheckin, addIndicator, addMeasurement, createInitiative } from './commands';
export { addFollowup, addMilestone, updateFollowup, updateMilestone } from './dated-commands';
export { addDecision, addTechnology } from './portfolio-commands';
export { createStrategy, publishStrategy } from './strategy-commands';
export { ZCheckinInput, ZDecisionInput, ZFollowupInput, ZIndicatorInput, ZInitiativeInput, ZMeasurementInput, ZMilestoneInput, ZStrategyInput, ZTechnologyInput } from './schemas';
/** The school's strategy terms (sigtelinjer, reform goals, pedagogical goals) with their archived flags. */
export { loadTerms } from './terms';
