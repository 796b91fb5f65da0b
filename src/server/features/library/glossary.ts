import { and, eq, ne, sql } from 'drizzle-orm';
import type { TGlossaryTerm } from '../../../shared/api/library';
import { glossaryTerms } from '../../db/schema/index';
import { AppError, invalid } from '../../platform/errors';
import type { Writer } from './commands';
import { cleanText } from './sanitize';

/** Fælles sprog: the glossary the editorial group keeps; terms are linked where they occur in forløb. */
type TermRow = typeof glossaryTerms.$inferSelect;
export type TermInput = { term?: string; definition?: string };

export const presentTerm = (t: TermRow): TGlossaryTerm => ({ id: t.id, term: t.term, definition: t.definition });

const nameTaken = () => new AppError(409, 'name_taken', { fields: [{ field: 'term', key: 'errors.name_taken' }] });

/** Refuses a term the school already has (case-insensitive), other than the one being edited. */
async function assertFree({ db, actor }: Writer, term: string, except?: string): Promise<void> {
  const [dup] = await db
    .select({ id: glossaryTerms.id })
    .from(glossaryTerms)
    .where(and(eq(glossaryTerms.schoolId, actor.school.id), sql`lower(${glossaryTerms.term}) = lower(${term})`, except ? ne(glossaryTerms.id, except) : undefined));
  if (dup) throw nameTaken();
}

export async function addTerm(w: Writer, input: Required<TermInput>): Promise<TermRow> {
  const term = cleanText(input.term);
  const definition = cleanText(input.definition);
  if (!term) throw invalid([{ field: 'term', key: 'validation.required' }]);
  await assertFree(w, term);
  const [t] = await w.db.insert(glossaryTerms).values({ schoolId: w.actor.school.id, term, definition }).returning();
  if (!t) throw new Error('insert returned nothing');
  await w.audit({ action: 'glossary.created', resourceType: 'glossary_term', resourceId: t.id, summary: term });
  return t;
}

export async function editTerm(w: Writer, before: TermRow, input: TermInput): Promise<TermRow> {
  const patch = { ...(input.term !== undefined ? { term: cleanText(input.term) } : {}), ...(input.definition !== undefined ? { definition: cleanText(input.definition) } : {}) };
  const empty = Object.entries(patch)
    .filter(([, v]) => !v)
    .map(([k]) => ({ field: k, key: 'validation.required' }));
  if (empty.length) throw invalid(empty);
  if (patch.term) await assertFree(w, patch.term, before.id);
  const [t] = await w.db
    .update(glossaryTerms)
    .set(patch)
    .where(and(eq(glossaryTerms.schoolId, w.actor.school.id), eq(glossaryTerms.id, before.id)))
    .returning();
  await w.audit({ action: 'glossary.updated', resourceType: 'glossary_term', resourceId: before.id, summary: t?.term, changes: patch });
  return t ?? before;
}

export async function removeTerm(w: Writer, before: TermRow): Promise<void> {
  await w.db.delete(glossaryTerms).where(and(eq(glossaryTerms.schoolId, w.actor.school.id), eq(glossaryTerms.id, before.id)));
  await w.audit({ action: 'glossary.deleted', resourceType: 'glossary_term', resourceId: before.id, summary: before.term });
}
