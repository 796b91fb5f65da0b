import { z } from 'zod';
import { fileResponse } from '../../../shared/api/common';
import { ZCompareQuery, ZDialogueComparison, ZDialogueDecisionCreated, ZDialogueDecisionInput, ZDialogueResults } from '../../../shared/api/dialogue-results';
import { invalid } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { abilitiesOn, authorize } from '../../platform/policy';
import { route } from '../../platform/route';
import { decideFromDialogue } from './decide-commands';
import { resultsCsv } from './report-csv';
import { resultsPdf } from './report-pdf';
import { boundaryGaps, comparePairs } from './results-compute';
import { assertClosed, sessionResults } from './results-queries';
import { loadSession, type LoadedSession } from './sessions-queries';

/* After the session: a closed session's results (JSON, CSV, PDF), the comparison of two with the boundary view, and "Træf beslutning". */

const tags = ['dialogue'];
const ZSessionId = z.strictObject({ id: z.uuid() });
const policyResource = (l: LoadedSession) => l.resource;

async function closedResults(db: Parameters<typeof sessionResults>[0], actor: Parameters<typeof abilitiesOn>[0], l: LoadedSession) {
  assertClosed(l.session);
  return { ...(await sessionResults(db, l.session)), abilities: abilitiesOn(actor, ['dialogueSession:decide'], l.resource) };
}
const fileName = (title: string, ext: string) => `${title.trim().slice(0, 80) || 'dialog'}.${ext}`;

export const resultsRoutes = [
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id/results',
    summary: "A closed session's results per pair: counts, distributions from the threshold, medians and the shift (anonymous figures only)",
    tags,
    action: 'dialogueSession:results',
    aggregate: true,
    params: ZSessionId,
    response: ZDialogueResults,
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource,
    handler: ({ db, actor, resource }) => closedResults(db, actor, resource),
  }),
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id/results.csv',
    summary: 'The results as CSV: per pair and slider the count, the median and the answers per tenth of the scale (never a participant)',
    tags,
    action: 'dialogueSession:results',
    params: ZSessionId,
    response: fileResponse('text/csv; charset=utf-8'),
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource,
    handler: async ({ db, actor, reply, resource }) => {
      const r = await closedResults(db, actor, resource);
      return attachment(reply, fileName(r.session.title, 'csv'), 'text/csv; charset=utf-8').send(resultsCsv(r, actor.locale));
    },
  }),
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id/results.pdf',
    summary: "The results as PDF in the reader's language",
    tags,
    action: 'dialogueSession:results',
    params: ZSessionId,
    response: fileResponse('application/pdf'),
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource,
    handler: async ({ db, actor, reply, resource }) => {
      const r = await closedResults(db, actor, resource);
      return attachment(reply, fileName(r.session.title, 'pdf'), 'application/pdf').send(await resultsPdf(r, actor.school.name, actor.locale));
    },
  }),
  route({
    method: 'GET',
    url: '/dialogue/compare',
    summary: 'Two closed sessions pair by pair (matched by pair key): medians, shifts, distances where both are shown, and the boundary view',
    tags,
    action: 'dialogueSession:results',
    aggregate: true,
    query: ZCompareQuery,
    response: ZDialogueComparison,
    // without the sessions the route is authorized in general (students and supervisors get 403), then refused naming the field
    load: ({ db, actor, query }) => (query.a ? loadSession(db, actor, query.a) : Promise.resolve(null)),
    policyResource: (l) => l?.resource,
    handler: async ({ db, actor, query, resource }) => {
      if (!resource || !query.b) throw invalid([{ field: resource ? 'b' : 'a', key: 'validation.required' }]);
      if (query.a === query.b) throw invalid([{ field: 'b', key: 'dialogue.results.validation.compare_same' }]);
      const other = await loadSession(db, actor, query.b);
      authorize(actor, 'dialogueSession:results', other.resource);
      const [a, b] = await Promise.all([closedResults(db, actor, resource), closedResults(db, actor, other)]);
      const pairs = comparePairs(a.items, b.items);
      const nameOf = (key: string) => a.boundaries.find((x) => x.key === key)?.name ?? { da: key, en: key };
      const abilities = abilitiesOn(actor, ['dialogueSession:decide'], resource.resource);
      return { a: a.session, b: b.session, pairs, boundaryNames: a.boundaries, boundaries: boundaryGaps(pairs, nameOf), abilities };
    },
  }),
  route({
    method: 'POST',
    url: '/dialogue/sessions/:id/decisions',
    summary: 'Træf beslutning: a decision in the strategy decision log from a pair of a closed session (or a comparison), optionally with an initiative draft',
    tags,
    action: 'dialogueSession:decide',
    params: ZSessionId,
    body: ZDialogueDecisionInput,
    status: 201,
    response: ZDialogueDecisionCreated,
    writes: true,
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource,
    handler: ({ db, actor, audit, body, resource }) => decideFromDialogue({ db, actor, audit }, resource.session, body),
  }),
];
