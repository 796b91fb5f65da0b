import { z } from 'zod';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZGlossary, ZGlossaryTerm } from '../../../shared/api/library';
import { glossaryTerms } from '../../db/schema/index';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { addTerm, editTerm, presentTerm, removeTerm } from './glossary';
import { glossaryTermsOf } from './queries';

const tags = ['library'];
const ZTerm = z.strictObject({ term: z.string().trim().min(1).max(100), definition: z.string().trim().min(1).max(5000) });

/** Fælles sprog: the glossary the editorial group keeps; terms are linked where they occur in forløb. */
export const glossaryRoutes = [
  route({
    method: 'GET',
    url: '/library/glossary',
    summary: 'Fælles sprog: the glossary',
    tags,
    action: 'glossary:read',
    response: ZGlossary,
    handler: async ({ db, actor }) => (await glossaryTermsOf(db, actor.school.id)).map(presentTerm),
  }),
  route({
    method: 'POST',
    url: '/library/glossary',
    summary: 'Add a term',
    tags,
    action: 'glossary:manage',
    body: ZTerm,
    status: 201,
    response: ZGlossaryTerm,
    writes: true,
    handler: async (c) => presentTerm(await addTerm(c, c.body)),
  }),
  route({
    method: 'PATCH',
    url: '/library/glossary/:id',
    summary: 'Edit a term',
    tags,
    action: 'glossary:manage',
    params: ZId,
    body: ZTerm.partial().strict(),
    response: ZGlossaryTerm,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, glossaryTerms, params.id),
    policyResource: () => undefined,
    handler: async (c) => presentTerm(await editTerm(c, c.resource, c.body)),
  }),
  route({
    method: 'DELETE',
    url: '/library/glossary/:id',
    summary: 'Remove a term',
    tags,
    action: 'glossary:manage',
    params: ZId,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, glossaryTerms, params.id),
    policyResource: () => undefined,
    handler: (c) => removeTerm(c, c.resource),
  }),
];
