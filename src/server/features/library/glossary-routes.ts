import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { glossaryTerms } from '../../db/schema/index';
import { requireSchool } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { AppError, invalid } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { cleanText } from './sanitize';

const ZId = z.strictObject({ id: z.string().max(100) });

/** Fælles sprog: the glossary the editorial group keeps; terms are linked where they occur in forløb. */
export function glossaryRoutes(app: App): void {
  const db = app.deps.database.db;
  const ZTerm = z.strictObject({ term: z.string().trim().min(1).max(100), definition: z.string().trim().min(1).max(5000) });
  const presentTerm = (t: typeof glossaryTerms.$inferSelect) => ({ id: t.id, term: t.term, definition: t.definition });
  app.get('/library/glossary', { config: { action: 'glossary:read' }, schema: { tags: ['library'], summary: 'Fælles sprog: the glossary' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'glossary:read');
    return (await db.select().from(glossaryTerms).where(eq(glossaryTerms.schoolId, actor.school.id)).orderBy(asc(sql`lower(${glossaryTerms.term})`))).map(presentTerm);
  });
  app.post('/library/glossary', { config: { action: 'glossary:manage' }, schema: { tags: ['library'], summary: 'Add a term', body: ZTerm } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'glossary:manage');
    const term = cleanText(req.body.term);
    const definition = cleanText(req.body.definition);
    if (!term) throw invalid([{ field: 'term', key: 'validation.required' }]);
    const row = await db.transaction(async (tx) => {
      const [dup] = await tx.select({ id: glossaryTerms.id }).from(glossaryTerms).where(and(eq(glossaryTerms.schoolId, actor.school.id), sql`lower(${glossaryTerms.term}) = lower(${term})`));
      if (dup) throw new AppError(409, 'name_taken', { fields: [{ field: 'term', key: 'errors.name_taken' }] });
      const [t] = await tx.insert(glossaryTerms).values({ schoolId: actor.school.id, term, definition }).returning();
      if (!t) throw new Error('insert returned nothing');
      await audit(tx, actor, { action: 'glossary.created', resourceType: 'glossary_term', resourceId: t.id, summary: term });
      return t;
    });
    return reply.code(201).send(presentTerm(row));
  });
  app.patch('/library/glossary/:id', { config: { action: 'glossary:manage' }, schema: { tags: ['library'], summary: 'Edit a term', params: ZId, body: ZTerm.partial().strict() } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const before = await loadScoped(db, actor, glossaryTerms, req.params.id);
    authorize(actor, 'glossary:manage');
    const patch = { ...(req.body.term !== undefined ? { term: cleanText(req.body.term) } : {}), ...(req.body.definition !== undefined ? { definition: cleanText(req.body.definition) } : {}) };
    const empty = Object.entries(patch).filter(([, v]) => !v).map(([k]) => ({ field: k, key: 'validation.required' }));
    if (empty.length) throw invalid(empty);
    const row = await db.transaction(async (tx) => {
      if (patch.term) {
        const [dup] = await tx
          .select({ id: glossaryTerms.id })
          .from(glossaryTerms)
          .where(and(eq(glossaryTerms.schoolId, actor.school.id), sql`lower(${glossaryTerms.term}) = lower(${patch.term})`, sql`${glossaryTerms.id} <> ${before.id}`));
        if (dup) throw new AppError(409, 'name_taken', { fields: [{ field: 'term', key: 'errors.name_taken' }] });
      }
      const [t] = await tx.update(glossaryTerms).set(patch).where(and(eq(glossaryTerms.schoolId, actor.school.id), eq(glossaryTerms.id, before.id))).returning();
      await audit(tx, actor, { action: 'glossary.updated', resourceType: 'glossary_term', resourceId: before.id, summary: t?.term, changes: patch });
      return t ?? before;
    });
    return presentTerm(row);
  });
  app.delete('/library/glossary/:id', { config: { action: 'glossary:manage' }, schema: { tags: ['library'], summary: 'Remove a term', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const before = await loadScoped(db, actor, glossaryTerms, req.params.id);
    authorize(actor, 'glossary:manage');
    await db.transaction(async (tx) => {
      await tx.delete(glossaryTerms).where(and(eq(glossaryTerms.schoolId, actor.school.id), eq(glossaryTerms.id, before.id)));
      await audit(tx, actor, { action: 'glossary.deleted', resourceType: 'glossary_term', resourceId: before.id, summary: before.term });
    });
    return reply.code(204).send();
  });

}
