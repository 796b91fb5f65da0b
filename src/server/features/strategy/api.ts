/** What the strategy feature offers other features: the årshjul's subscriptions are listed by the scope its rules set. */
export { feedScope, type DepartmentScoped, type FeedResource } from './policy';
