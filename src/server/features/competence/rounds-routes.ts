import { ZId } from '../../../shared/api/common';
import { ZAssessmentInput, ZAssessmentSaved, ZCompletion, ZDraft, ZMyRoundList, ZReminderResult, ZRound, ZRoundInput, ZRoundPatch } from '../../../shared/api/competence';
import { competenceRounds } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { draftOf, isEligible, roundIsOpen, saveAssessment } from './assessments';
import { completion } from './aggregates';
import { getSettings, loadFramework } from './frameworks';
import { presentRound, withTexts } from './presenter';
import { markReminded, mailReminders, pendingFor, reminderEvent } from './reminders';
import { openRound, updateRound } from './rounds-commands';
import { myRounds } from './rounds-queries';

/* Mapping rounds (kortlægninger) and the self-assessment in them. */

const tags = ['competence'];

export const roundRoutes = [
  route({
    method: 'GET',
    url: '/competence/rounds',
    summary: 'Mapping rounds, newest first',
    tags,
    action: 'competence:self',
    response: ZMyRoundList,
    handler: ({ db, actor }) => myRounds(db, actor),
  }),
  route({
    method: 'POST',
    url: '/competence/rounds',
    summary: 'Open a mapping round for the school or some departments',
    tags,
    action: 'competence:roundManage',
    body: ZRoundInput,
    status: 201,
    response: ZRound,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const r = await openRound(db, actor, body);
      await audit({ action: 'competence.round_opened', resourceType: 'competence_round', resourceId: r.id, summary: r.title, changes: { ...body } });
      return presentRound(r);
    },
  }),
  route({
    method: 'PATCH',
    url: '/competence/rounds/:id',
    summary: 'Rename, extend or close a round',
    tags,
    action: 'competence:roundManage',
    params: ZId,
    body: ZRoundPatch,
    response: ZRound,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceRounds, params.id),
    policyResource: (round) => ({ kind: 'competenceRoundScope' as const, departmentIds: round.departmentIds }),
    handler: async ({ db, actor, body, resource: before, audit }) => {
      const r = await updateRound(db, actor, before, body);
      await audit({ action: body.closed ? 'competence.round_closed' : 'competence.round_updated', resourceType: 'competence_round', resourceId: r.id, summary: r.title, changes: { ...body } });
      return presentRound(r);
    },
  }),
  route({
    method: 'GET',
    url: '/competence/rounds/:id/completion',
    summary: 'Completion per department (anonymous, from the anonymity threshold)',
    tags,
    action: 'competence:aggregate',
    aggregate: true,
    params: ZId,
    response: ZCompletion,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceRounds, params.id),
    policyResource: () => undefined,
    handler: ({ db, actor, resource: round }) => completion(db, actor.school.id, round),
  }),
  route({
    method: 'POST',
    url: '/competence/rounds/:id/reminders',
    summary: 'E-mail a reminder to those who have not submitted (when e-mail is set up)',
    tags,
    action: 'competence:roundManage',
    params: ZId,
    response: ZReminderResult,
    writes: true,
    // Asked with e-mail off or for a round that is not open, nothing is written; when reminders go out the handler audits them.
    audit: false,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceRounds, params.id),
    policyResource: (round) => ({ kind: 'competenceRoundScope' as const, departmentIds: round.departmentIds }),
    handler: async ({ db, actor, deps, resource: round, audit, afterCommit }) => {
      const pending = await pendingFor(db, actor.school.id, round);
      const open = roundIsOpen(round);
      if (!deps.mailer.enabled || !open) return { enabled: deps.mailer.enabled, open, pending: pending.length, sent: 0 };
      await markReminded(db, actor.school.id, round);
      await audit(reminderEvent(round, pending.length, false));
      // The mails go out once the transaction has committed, so the database is never held while the mail server answers.
      afterCommit(() => mailReminders(deps.mailer, round, pending));
      return { enabled: true, open: true, pending: pending.length, sent: pending.length };
    },
  }),
  route({
    method: 'GET',
    url: '/competence/rounds/:id/assessment',
    summary: 'My answers in a round (to resume)',
    tags,
    action: 'competence:self',
    params: ZId,
    response: ZDraft,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, resource: round }) => {
      const fw = await loadFramework(db, actor.school.id, round.frameworkId);
      if (!fw) throw notFound();
      return { round: presentRound(round), framework: withTexts(fw), ...(await draftOf(db, actor.school.id, round.id, actor.person.id)), settings: await getSettings(db, actor.school.id) };
    },
  }),
  route({
    method: 'PUT',
    url: '/competence/rounds/:id/assessment',
    summary: 'Save (and submit) my answers',
    tags,
    action: 'competence:answer',
    params: ZId,
    body: ZAssessmentInput,
    response: ZAssessmentSaved,
    writes: true,
    load: async ({ db, actor, params }) => {
      const round = await loadScoped(db, actor, competenceRounds, params.id);
      return { round, eligible: await isEligible(db, actor.school.id, round, actor.person.id) };
    },
    policyResource: (r) => ({ kind: 'competenceRound' as const, eligible: r.eligible }),
    handler: async ({ db, actor, body, resource: { round }, audit }) => {
      const fw = await loadFramework(db, actor.school.id, round.frameworkId);
      if (!fw) throw notFound();
      const saved = await saveAssessment(db, actor, round, fw, body);
      await audit({
        action: body.submit ? 'competence.assessment_submitted' : 'competence.assessment_saved',
        resourceType: 'competence_assessment',
        resourceId: saved.id,
        summary: round.title,
        changes: { answers: body.answers?.length ?? 0 },
        precision: 'day',
      });
      return saved;
    },
  }),
];
