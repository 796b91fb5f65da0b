import { ZId } from '../../../shared/api/common';
import { ZSurveyReminderResult, ZSurveyRound, ZSurveyRoundDetail, ZSurveyRoundInput, ZSurveyRoundPatch } from '../../../shared/api/surveys';
import { surveyRounds } from '../../db/schema/index';
import { AppError } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { mailReminders, markReminded, pendingFor, reminderEvent } from './reminders';
import { closeRound, createRound, updateRound } from './rounds-commands';
import { statusOf } from './rounds-model';
import { linksOf, listRounds, participation, presentRound } from './rounds-queries';

/* Survey rounds for those who run them: create, change before they open, close, participation, reminders. */

const tags = ['surveys'];

export const roundRoutes = [
  route({
    method: 'GET',
    url: '/surveys/rounds',
    summary: 'Survey rounds, newest first (for those who run them and those who read their reports)',
    tags,
    action: 'surveyRound:report',
    response: ZSurveyRound.array(),
    handler: ({ db, actor }) => listRounds(db, actor.school.id),
  }),
  route({
    method: 'POST',
    url: '/surveys/rounds',
    summary: 'Create a round (its questionnaire version is frozen now)',
    tags,
    action: 'survey:manage',
    body: ZSurveyRoundInput,
    status: 201,
    response: ZSurveyRound,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const r = await createRound(db, actor.school.id, actor.person.id, body);
      await audit({ action: 'surveys.round_created', resourceType: 'survey_round', resourceId: r.id, summary: r.name, changes: { ...body } });
      return presentRound(db, r);
    },
  }),
  route({
    method: 'GET',
    url: '/surveys/rounds/:id',
    summary: 'A round with participation per group (per department from the anonymity threshold) and its links',
    tags,
    action: 'survey:manage',
    aggregate: true,
    params: ZId,
    response: ZSurveyRoundDetail,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, deps, resource: r }) => ({
      round: await presentRound(db, r),
      participation: await participation(db, r),
      links: await linksOf(db, r),
      mailEnabled: deps.mailer.enabled,
    }),
  }),
  route({
    method: 'PATCH',
    url: '/surveys/rounds/:id',
    summary: 'Change a round (groups, departments and opening day only before it opens)',
    tags,
    action: 'survey:manage',
    params: ZId,
    body: ZSurveyRoundPatch,
    response: ZSurveyRound,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, body, resource: before, audit }) => {
      const r = await updateRound(db, before, body);
      await audit({ action: 'surveys.round_updated', resourceType: 'survey_round', resourceId: r.id, summary: r.name, changes: { ...body } });
      return presentRound(db, r);
    },
  }),
  route({
    method: 'POST',
    url: '/surveys/rounds/:id/close',
    summary: 'Close a round now (drafts are deleted; the report can be read)',
    tags,
    action: 'survey:manage',
    params: ZId,
    response: ZSurveyRound,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, resource: before, audit }) => {
      if (before.closedAt) throw new AppError(409, 'survey_round_closed', { fields: [{ field: 'roundId', key: 'surveys.validation.round_closed' }] });
      const r = (await closeRound(db, before)) ?? before;
      await audit({ action: 'surveys.round_closed', resourceType: 'survey_round', resourceId: r.id, summary: r.name });
      return presentRound(db, r);
    },
  }),
  route({
    method: 'POST',
    url: '/surveys/rounds/:id/reminders',
    summary: 'E-mail a reminder to signed-in people the round asks who have not answered (when e-mail is set up)',
    tags,
    action: 'survey:manage',
    params: ZId,
    response: ZSurveyReminderResult,
    writes: true,
    // With e-mail off or a round that is not open nothing is written; when reminders go out the handler audits them.
    audit: false,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, deps, resource: round, audit, afterCommit }) => {
      const pending = await pendingFor(db, round);
      const open = statusOf(round) === 'open';
      if (!deps.mailer.enabled || !open) return { enabled: deps.mailer.enabled, open, pending: pending.length, sent: 0 };
      await markReminded(db, round);
      await audit(reminderEvent(round, pending.length, false));
      afterCommit(() => mailReminders(deps.mailer, round, pending));
      return { enabled: true, open: true, pending: pending.length, sent: pending.length };
    },
  }),
];
