import { ZId } from '../../../shared/api/common';
import { ZSurveyDraftInput, ZSurveyDraftSaved, ZSurveySheet } from '../../../shared/api/surveys';
import { SURVEY_NO_DEPARTMENT, surveyRounds } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { Executor } from '../../db/client';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { submitSheet, saveDraft } from './answer-commands';
import { sheetFor, type Respondent } from './answer-sheet';
import { groupOfRoles } from './groups';
import { asks, personKey } from './rounds-model';

/* Answering a round signed in: the sheet, the draft, the submission. */

const tags = ['surveys'];

/** The round and the actor as its respondent; `eligible` when the round asks the actor's group and department. */
async function loadAsRespondent(db: Executor, actor: SchoolActor, id: string) {
  const round = await loadScoped(db, actor, surveyRounds, id);
  const group = groupOfRoles(actor.roles);
  const departmentId = actor.person.departmentId;
  const respondent: Respondent | null = group
    ? { round, group, departmentKey: departmentId ?? SURVEY_NO_DEPARTMENT, ownerKey: personKey(actor.person.id), personId: actor.person.id, schoolName: actor.school.name }
    : null;
  return { respondent, eligible: respondent !== null && asks(round, group, departmentId) };
}

const resourceOf = (r: { eligible: boolean }) => ({ kind: 'surveyAnswer' as const, eligible: r.eligible });
/** Only reached once the policy has found the actor eligible, which needs a group. */
const must = (r: Respondent | null): Respondent => {
  if (!r) throw new Error('respondent without a group passed the policy');
  return r;
};

export const answerRoutes = [
  route({
    method: 'GET',
    url: '/surveys/rounds/:id/sheet',
    summary: 'My answer sheet for a round, with what I saved',
    tags,
    action: 'survey:answer',
    params: ZId,
    response: ZSurveySheet,
    load: ({ db, actor, params }) => loadAsRespondent(db, actor, params.id),
    policyResource: resourceOf,
    handler: ({ db, resource }) => sheetFor(db, must(resource.respondent)),
  }),
  route({
    method: 'PUT',
    url: '/surveys/rounds/:id/draft',
    summary: 'Save part of my sheet to resume later',
    tags,
    action: 'survey:answer',
    params: ZId,
    body: ZSurveyDraftInput,
    response: ZSurveyDraftSaved,
    writes: true,
    // A draft is the respondent's own unsent work; logging each save would time the answering (docs/surveys.md).
    audit: false,
    load: ({ db, actor, params }) => loadAsRespondent(db, actor, params.id),
    policyResource: resourceOf,
    handler: ({ db, body, resource }) => saveDraft(db, must(resource.respondent), body),
  }),
  route({
    method: 'POST',
    url: '/surveys/rounds/:id/submit',
    summary: 'Submit my sheet (once): its answers become counts, nothing ties them to me',
    tags,
    action: 'survey:answer',
    params: ZId,
    body: ZSurveyDraftInput,
    status: 201,
    response: ZSurveyDraftSaved,
    writes: true,
    load: ({ db, actor, params }) => loadAsRespondent(db, actor, params.id),
    policyResource: resourceOf,
    handler: async ({ db, body, resource, audit }) => {
      const r = must(resource.respondent);
      const saved = await submitSheet(db, r, body);
      await audit({ action: 'surveys.sheet_submitted', resourceType: 'survey_round', resourceId: r.round.id, summary: r.round.name, precision: 'day' });
      return saved;
    },
  }),
];
