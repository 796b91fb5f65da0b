import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glossaryTerms, libraryItems, libraryReviews } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { FeatureMatrix, MatrixCtx } from '../../test/matrix';
import { buildPerson } from '../../test/factories';
import { RELATION_FIELDS } from './model';
import type { LibraryItemResource, Status } from './policy';

const fullFields = Object.fromEntries(RELATION_FIELDS.map((f) => [f, `<p>${f} tekst</p>`]));

async function item(db: Db, schoolId: string, authorId: string, status: Status, extra: Partial<typeof libraryItems.$inferInsert> = {}) {
  const [row] = await db
    .insert(libraryItems)
    .values({ schoolId, authorId, kind: 'forlob', title: `Forløb ${status}`, status, fields: fullFields, licence: 'cc_by', ...extra })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}
const res = (status: Status, authorId: string, reviewerId: string | null = null): LibraryItemResource => ({
  kind: 'libraryItem',
  status,
  authorId,
  coAuthorIds: [],
  teamIds: [],
  reviewerId,
  licence: 'cc_by',
});

/** Library routes: each role acts on items it authored (where it can author) or on a colleague's published item. */
export const libraryMatrix: FeatureMatrix = async (w) => {
  const { db, a, b } = w;
  const colleague = await buildPerson(db, a, { roles: ['teacher'] });
  const otherAuthor = await buildPerson(db, b, { roles: ['teacher'] });
  const published = await item(db, a.id, colleague.id, 'published', { networkShared: true, fileKey: `${a.id}/matrix-file`, fileName: 'plan.txt', fileMime: 'text/plain' });
  await mkdir(join(w.app.deps.config.storageDir, a.id), { recursive: true });
  await writeFile(join(w.app.deps.config.storageDir, a.id, 'matrix-file'), 'Plan for forløbet');
  const draftB = await item(db, b.id, otherAuthor.id, 'draft');
  const publishedB = await item(db, b.id, otherAuthor.id, 'published');
  const [termA] = await db.insert(glossaryTerms).values({ schoolId: a.id, term: 'Relationsmodellen', definition: 'Hiim & Hippe' }).returning();
  const [termB] = await db.insert(glossaryTerms).values({ schoolId: b.id, term: 'Feedback', definition: 'Tilbagemelding' }).returning();
  let n = 0;

  /** A fresh item of the acting person (or of a colleague when the actor has no person). */
  const own = async (c: MatrixCtx, status: Status, extra: Partial<typeof libraryItems.$inferInsert> = {}) => {
    const authorId = c.self?.id ?? colleague.id;
    const row = await item(db, a.id, authorId, status, extra);
    return { row, resource: res(status, authorId) };
  };
  /** A colleague's item in review, taken by the acting person. */
  const inReview = async (c: MatrixCtx) => {
    const reviewer = c.self?.id ?? null;
    const row = await item(db, a.id, colleague.id, 'in_review', { reviewerId: reviewer });
    if (reviewer) await db.insert(libraryReviews).values({ schoolId: a.id, itemId: row.id, version: 1, reviewerId: reviewer });
    return { row, resource: res('in_review', colleague.id, reviewer) };
  };
  const bItem = (suffix = '') => ({ url: `/api/v1/library/items/${draftB.id}${suffix}` });

  return {
    'GET /api/v1/library/items': { own: () => ({ url: '/api/v1/library/items?q=forløb' }) },
    'POST /api/v1/library/items': { own: () => ({ url: '/api/v1/library/items', body: { kind: 'forlob', title: `Nyt forløb ${++n}` } }) },
    'GET /api/v1/library/items/:id': {
      own: async (c) => {
        const { row, resource } = await own(c, 'draft');
        return { url: `/api/v1/library/items/${row.id}`, resource };
      },
      other: () => bItem(),
    },
    'PATCH /api/v1/library/items/:id': {
      own: async (c) => {
        const { row, resource } = await own(c, 'draft');
        return { url: `/api/v1/library/items/${row.id}`, body: { summary: 'Ny beskrivelse' }, resource };
      },
      other: () => ({ ...bItem(), body: { summary: 'Hacket' } }),
    },
    'POST /api/v1/library/items/:id/spellcheck': {
      own: async (c) => {
        const { row, resource } = await own(c, 'draft');
        return { url: `/api/v1/library/items/${row.id}/spellcheck`, resource };
      },
      other: () => bItem('/spellcheck'),
    },
    'POST /api/v1/library/items/:id/share': {
      own: async (c) => {
        const { row, resource } = await own(c, 'draft');
        return { url: `/api/v1/library/items/${row.id}/share`, resource };
      },
      other: () => bItem('/share'),
    },
    'POST /api/v1/library/items/:id/submit': {
      own: async (c) => {
        const { row, resource } = await own(c, 'team');
        return { url: `/api/v1/library/items/${row.id}/submit`, resource: { ...resource, teamIds: [] } };
      },
      other: () => bItem('/submit'),
    },
    'POST /api/v1/library/items/:id/take': {
      own: async () => {
        const row = await item(db, a.id, colleague.id, 'submitted');
        return { url: `/api/v1/library/items/${row.id}/take`, resource: res('submitted', colleague.id) };
      },
      other: () => bItem('/take'),
    },
    'PUT /api/v1/library/items/:id/review': {
      own: async (c) => {
        const { row, resource } = await inReview(c);
        return { url: `/api/v1/library/items/${row.id}/review`, body: { checklist: { '0': true }, fieldComments: { maal: 'Skarpere mål' } }, resource };
      },
      other: () => ({ ...bItem('/review'), body: { checklist: {} } }),
    },
    'POST /api/v1/library/items/:id/decision': {
      own: async (c) => {
        const { row, resource } = await inReview(c);
        return { url: `/api/v1/library/items/${row.id}/decision`, body: { decision: 'return', feedback: 'Uddyb vurderingen' }, resource };
      },
      other: () => ({ ...bItem('/decision'), body: { decision: 'approve' } }),
    },
    'GET /api/v1/library/items/:id/versions': {
      own: () => ({ url: `/api/v1/library/items/${published.id}/versions`, resource: res('published', colleague.id) }),
      other: () => bItem('/versions'),
    },
    'GET /api/v1/library/items/:id/compare': {
      own: () => ({ url: `/api/v1/library/items/${published.id}/compare?from=current&to=current`, resource: res('published', colleague.id) }),
      other: () => ({ url: `/api/v1/library/items/${draftB.id}/compare?from=current&to=current` }),
    },
    'POST /api/v1/library/items/:id/adapt': {
      own: () => ({ url: `/api/v1/library/items/${published.id}/adapt`, resource: res('published', colleague.id) }),
      other: () => ({ url: `/api/v1/library/items/${publishedB.id}/adapt` }),
    },
    'PUT /api/v1/library/items/:id/locks': {
      own: () => ({ url: `/api/v1/library/items/${published.id}/locks`, body: { fields: ['maal'] }, resource: res('published', colleague.id) }),
      other: () => ({ url: `/api/v1/library/items/${publishedB.id}/locks`, body: { fields: [] } }),
    },
    'PUT /api/v1/library/items/:id/network': {
      own: async (c) => {
        const { row, resource } = await own(c, 'published');
        return { url: `/api/v1/library/items/${row.id}/network`, body: { shared: true }, resource };
      },
      other: () => ({ url: `/api/v1/library/items/${publishedB.id}/network`, body: { shared: true } }),
    },
    'GET /api/v1/library/items/:id/comments': {
      own: () => ({ url: `/api/v1/library/items/${published.id}/comments`, resource: res('published', colleague.id) }),
      other: () => bItem('/comments'),
    },
    'POST /api/v1/library/items/:id/comments': {
      own: () => ({ url: `/api/v1/library/items/${published.id}/comments`, body: { body: 'God idé' }, resource: res('published', colleague.id) }),
      other: () => ({ ...bItem('/comments'), body: { body: 'Hej' } }),
    },
    'POST /api/v1/library/items/:id/file': {
      own: async (c) => {
        const { row, resource } = await own(c, 'draft', { kind: 'material' });
        return { url: `/api/v1/library/items/${row.id}/file?name=elevliste.csv`, body: 'navn;hold\nAnna;1a\n', resource };
      },
      other: () => bItem('/file'),
    },
    'DELETE /api/v1/library/items/:id': {
      own: async (c) => {
        const { row, resource } = await own(c, 'draft', { kind: 'material' });
        return { url: `/api/v1/library/items/${row.id}`, resource };
      },
      other: () => bItem(),
    },
    'GET /api/v1/library/items/:id/file': {
      own: () => ({ url: `/api/v1/library/items/${published.id}/file`, resource: res('published', colleague.id) }),
      other: () => bItem('/file'),
    },
    'GET /api/v1/library/review/summary': { own: () => ({ url: '/api/v1/library/review/summary' }) },
    'GET /api/v1/library/colleagues': { own: () => ({ url: '/api/v1/library/colleagues?q=a' }) },
    'GET /api/v1/library/settings': { own: () => ({ url: '/api/v1/library/settings' }) },
    'PUT /api/v1/library/settings': { own: () => ({ url: '/api/v1/library/settings', body: { requiredFields: [...RELATION_FIELDS], criteria: ['Klart formål'] } }) },
    'GET /api/v1/library/glossary': { own: () => ({ url: '/api/v1/library/glossary' }) },
    'POST /api/v1/library/glossary': { own: () => ({ url: '/api/v1/library/glossary', body: { term: `Begreb ${++n}`, definition: 'En forklaring' } }) },
    'PATCH /api/v1/library/glossary/:id': {
      own: () => ({ url: `/api/v1/library/glossary/${termA?.id}`, body: { definition: `Hiim & Hippe ${++n}` } }),
      other: () => ({ url: `/api/v1/library/glossary/${termB?.id}`, body: { definition: 'Hacket' } }),
    },
    'DELETE /api/v1/library/glossary/:id': {
      own: async () => {
        const [t] = await db.insert(glossaryTerms).values({ schoolId: a.id, term: `Slet ${++n}`, definition: 'x' }).returning();
        return { url: `/api/v1/library/glossary/${t?.id}` };
      },
      other: () => ({ url: `/api/v1/library/glossary/${termB?.id}` }),
    },
    'GET /api/v1/library/network': { own: () => ({ url: '/api/v1/library/network' }) },
    'GET /api/v1/library/network/:schoolId/:id': {
      own: () => ({ url: `/api/v1/library/network/${a.id}/${published.id}` }),
      // another school's draft never crosses the network path
      other: () => ({ url: `/api/v1/library/network/${b.id}/${draftB.id}` }),
    },
    'POST /api/v1/library/network/:schoolId/:id/curate': {
      own: () => ({ url: `/api/v1/library/network/${a.id}/${published.id}/curate`, body: { featured: true } }),
      other: () => ({ url: `/api/v1/library/network/${b.id}/${draftB.id}/curate`, body: { withdrawn: true } }),
    },
    'POST /api/v1/library/network/:schoolId/:id/adapt': {
      own: () => ({ url: `/api/v1/library/network/${a.id}/${published.id}/adapt` }),
      other: () => ({ url: `/api/v1/library/network/${b.id}/${draftB.id}/adapt` }),
    },
  };
};
