import type { competenceRounds } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { abilitiesOn } from '../../platform/policy';
import { todayInCopenhagen } from '../../platform/time';
import { BASIC_CHECKS } from './framework-data';
import { NOT_YET } from './framework-statements';
import type { Framework, Settings } from './frameworks';
import { competenceScope } from './policy';

export type RoundRow = typeof competenceRounds.$inferSelect;

export const presentRound = (r: RoundRow, today = todayInCopenhagen()) => ({
  id: r.id,
  title: r.title,
  frameworkId: r.frameworkId,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  departmentIds: r.departmentIds,
  status: r.closedAt || r.closesOn < today ? ('closed' as const) : r.opensOn > today ? ('planned' as const) : ('open' as const),
  lastReminderAt: r.lastReminderAt,
});

/**
 * The framework with what the self-assessment shows besides each competence's own statements: the
 * answer for level 0 ("not yet", the same for every competence) and the basic-skills check.
 */
export const withTexts = (fw: Framework) => ({ ...fw, notYet: NOT_YET, basicChecks: BASIC_CHECKS });

/**
 * The settings as the actor meets them: what the actor may do on the school's competence settings
 * and with the staff of their own department, and how far their leadership reaches.
 */
export function settingsView(actor: SchoolActor, settings: Settings) {
  const abilities = [
    ...abilitiesOn(actor, ['competence:settings', 'competence:levelZero'], { kind: 'competenceSetting', leaderSeesIndividuals: settings.leaderSeesIndividuals }),
    ...abilitiesOn(actor, ['competence:leadDepartment'], { kind: 'competenceDepartment', departmentId: actor.person.departmentId }),
  ];
  return { ...settings, abilities, scope: competenceScope(actor) === 'school' ? ('school' as const) : ('department' as const) };
}
