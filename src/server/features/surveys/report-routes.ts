import { fileResponse } from '../../../shared/api/common';
import { ZSurveyInitiativeCreated, ZSurveyInitiativeInput, ZSurveyReport, ZSurveyReportQuery } from '../../../shared/api/surveys-report';
import { z } from 'zod';
import { surveyRounds } from '../../db/schema/index';
import { attachment } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { createInitiativeFromItem } from './action-commands';
import { surveyReport } from './report-assemble';
import { reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';

/* The report of a round (JSON, CSV, PDF) and "Opret indsats" from one of its items. */

const tags = ['surveys'];
const ZRoundId = z.strictObject({ id: z.uuid() });
const ZItemParams = z.strictObject({ id: z.uuid(), key: z.string().min(1).max(40) });

export const reportRoutes = [
  route({
    method: 'GET',
    url: '/surveys/rounds/:id/report',
    summary: 'The report of a round: per group, area and item, gap, trend, network benchmark (anonymous figures only)',
    tags,
    action: 'surveyRound:report',
    aggregate: true,
    params: ZRoundId,
    query: ZSurveyReportQuery,
    response: ZSurveyReport,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: ({ db, actor, query, resource }) => surveyReport(db, actor, resource, query),
  }),
  route({
    method: 'GET',
    url: '/surveys/rounds/:id/report.csv',
    summary: 'The report as CSV (the figures shown, never a response)',
    tags,
    action: 'surveyRound:report',
    params: ZRoundId,
    query: ZSurveyReportQuery,
    response: fileResponse('text/csv; charset=utf-8'),
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, query, reply, resource }) =>
      attachment(reply, 'selvevaluering.csv', 'text/csv; charset=utf-8').send(reportCsv(await surveyReport(db, actor, resource, query), actor.locale)),
  }),
  route({
    method: 'GET',
    url: '/surveys/rounds/:id/report.pdf',
    summary: "The report as PDF in the reader's language",
    tags,
    action: 'surveyRound:report',
    params: ZRoundId,
    query: ZSurveyReportQuery,
    response: fileResponse('application/pdf'),
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, query, reply, resource }) =>
      attachment(reply, 'selvevaluering.pdf', 'application/pdf').send(await reportPdf(await surveyReport(db, actor, resource, query), actor.school.name, actor.locale)),
  }),
  route({
    method: 'POST',
    url: '/surveys/rounds/:id/items/:key/initiative',
    summary: 'Opret indsats: a draft initiative from an item, with an indicator per group measured by later rounds',
    tags,
    action: 'surveyRound:createInitiative',
    params: ZItemParams,
    body: ZSurveyInitiativeInput,
    status: 201,
    response: ZSurveyInitiativeCreated,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: (_round, { body }) => ({ kind: 'surveyInitiative' as const, departmentId: body.departmentId ?? null }),
    handler: ({ db, actor, audit, params, body, resource }) => createInitiativeFromItem({ db, actor, audit }, resource, params.key, body),
  }),
];
