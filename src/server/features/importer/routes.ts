import { PassThrough } from 'node:stream';
import { requireSchool } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { translate } from '../../platform/messages';
import { authorize } from '../../platform/policy';
import { problemFor } from '../../platform/problem';
import { commitImport } from './commit';
import { planImport, summarise, type ImportRow } from './preview';

const bytesOf = (body: unknown): Uint8Array => {
  if (body instanceof Uint8Array) return body;
  throw new AppError(415, 'unsupported_media_type');
};

export function importRoutes(app: App): void {
  const db = app.deps.database.db;

  app.post(
    '/people/import/preview',
    { config: { action: 'people:import' }, schema: { tags: ['people'], summary: 'Check a staff CSV and show every row with its errors; writes nothing', consumes: ['text/csv'] } },
    async (req) => {
      const actor = requireSchool(actorOf(req));
      authorize(actor, 'people:import');
      const plan = await planImport(db, actor.school.id, bytesOf(req.body));
      const present = (r: ImportRow) => ({
        line: r.line,
        name: r.name,
        email: r.email,
        jobTitle: r.jobTitle,
        department: r.department,
        employmentStart: r.employmentStart,
        action: r.action,
        errors: r.errors.map((e) => ({ field: e.field, code: e.key.replace(/^validation\./, ''), message: translate(req.locale, e.key, { field: translate(req.locale, `fields.${e.field}`), ...e.vars }) })),
      });
      return { encoding: plan.encoding, separator: plan.separator, columns: plan.columns, summary: summarise(plan.rows), rows: plan.rows.map(present) };
    },
  );

  app.post(
    '/people/import',
    {
      config: { action: 'people:import' },
      schema: {
        tags: ['people'],
        summary: 'Import a checked staff CSV in one transaction (all or nothing); with Accept: application/x-ndjson it streams progress',
        consumes: ['text/csv'],
      },
    },
    async (req, reply) => {
      const actor = requireSchool(actorOf(req));
      authorize(actor, 'people:import');
      const plan = await planImport(db, actor.school.id, bytesOf(req.body));
      const bad = plan.rows.filter((r) => r.errors.length > 0);
      if (bad.length) {
        throw new AppError(422, 'import_has_errors', {
          fields: bad.slice(0, 50).flatMap((r) => r.errors.map((e) => ({ ...e, field: `line ${r.line}: ${e.field}` }))),
        });
      }
      if (!(req.headers.accept ?? '').includes('application/x-ndjson')) {
        return commitImport(db, actor, plan.rows, () => {});
      }
      const stream = new PassThrough();
      const write = (o: unknown) => stream.write(`${JSON.stringify(o)}\n`);
      reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store');
      void reply.send(stream);
      write({ type: 'progress', done: 0, total: plan.rows.filter((r) => r.action !== 'unchanged').length });
      try {
        const result = await commitImport(db, actor, plan.rows, (done, total) => write({ type: 'progress', done, total }));
        write({ type: 'done', ...result });
      } catch (e) {
        req.log.error({ err: e }, 'import failed');
        write({ type: 'error', problem: problemFor(new AppError(500, 'internal'), req.locale) });
      }
      stream.end();
      return reply;
    },
  );
}
