import type { z } from 'zod';
import type { ZItem, ZSharedItem, ZSharedRow } from '../../../shared/api/library';
import type { Executor } from '../../db/client';
import type { Actor, SchoolActor } from '../../platform/actor';
import { abilitiesOn } from '../../platform/policy';
import { loadItem, RELATION_FIELDS, type ItemRow } from './model';
import { isAuthor, isEditorial, ITEM_ACTIONS, NETWORK_ACTIONS, type LibraryItemResource } from './policy';
import { adaptationsOf, glossaryOf, linkedMaterials, peopleNamed, personName, programmeName, reviewsOf, settingsOf } from './queries';
import { linkGlossaryAll } from './sanitize';

export type Item = z.output<typeof ZItem>;

/** One material or forløb as its reader sees it, with what they may do with it (`abilities`). */
export async function presentItem(exec: Executor, actor: SchoolActor, row: ItemRow, resource: LibraryItemResource): Promise<Item> {
  const sid = actor.school.id;
  // one query after another: inside a write this is the route's transaction (one connection)
  const [author] = await peopleNamed(exec, sid, [row.authorId]);
  const coAuthors = await peopleNamed(exec, sid, resource.coAuthorIds);
  const programme = await programmeName(exec, sid, row.programmeId);
  const materials = await linkedMaterials(exec, sid, row.id);
  const terms = await glossaryOf(exec, sid);
  const adaptations = await adaptationsOf(exec, sid, row.id);
  const settings = await settingsOf(exec, sid);
  // the reviews are for the authors and the editorial group only
  const reviews = isAuthor(actor, resource) || isEditorial(actor) ? await reviewsOf(exec, sid, row.id) : [];
  const fields: Record<string, string> = {};
  const linkedFields: Record<string, string> = {};
  const linked = new Set<string>();
  // stored sanitised once, on save; only the glossary links are made per view (off the event loop when large)
  const withLinks = await linkGlossaryAll(RELATION_FIELDS.map((f) => row.fields[f] ?? ''), terms);
  RELATION_FIELDS.forEach((f, i) => {
    fields[f] = row.fields[f] ?? '';
    linkedFields[f] = withLinks[i] ?? fields[f];
    for (const m of linkedFields[f].matchAll(/data-term="([0-9a-f-]+)"/g)) linked.add(m[1] ?? '');
  });
  return {
    id: row.id,
    kind: row.kind as Item['kind'],
    title: row.title,
    summary: row.summary,
    status: row.status as Item['status'],
    version: row.version,
    author: author ?? null,
    coAuthors,
    programmeId: row.programmeId,
    programmeName: programme,
    subject: row.subject,
    duration: row.duration,
    fields,
    linkedFields,
    glossary: terms.filter((t) => linked.has(t.id)),
    lmsUrl: row.lmsUrl,
    materialType: row.materialType,
    url: row.url,
    file: row.fileKey ? { name: row.fileName, mime: row.fileMime, size: row.fileSize } : null,
    tags: row.tags as Record<string, string[]>,
    licence: row.licence,
    language: row.language,
    lockedFields: row.lockedFields,
    // a linked material that is not yet published shows only to its own author and the forløb's authors
    materials: materials
      .filter((m) => m.status === 'published' || m.authorId === actor.person.id || isAuthor(actor, resource))
      .map((m) => ({ id: m.id, title: m.title, materialType: m.materialType, status: m.status })),
    adaptedFrom: row.adaptedFromId
      ? {
          id: row.adaptedFromId,
          schoolId: row.adaptedFromSchoolId,
          title: row.adaptedFromTitle,
          schoolName: row.adaptedFromSchoolName,
          authorName: row.adaptedFromAuthorName,
          sameSchool: row.adaptedFromSchoolId === sid,
        }
      : null,
    usage: { adaptations: adaptations.length, schools: new Set(adaptations.map((a) => a.schoolId)).size },
    adaptations: adaptations.map((a) => ({
      schoolName: a.schoolName,
      // another school's adaptations are counted, never opened; a colleague's draft shows no title
      id: a.schoolId === sid && a.status === 'published' ? a.id : null,
      title: a.schoolId === sid && a.status === 'published' ? a.title : null,
      authorName: a.schoolId === sid ? a.authorName : null,
    })),
    reviewerName: await personName(exec, sid, row.reviewerId),
    reviews,
    network: { shared: row.networkShared, featured: row.networkFeatured, withdrawn: row.networkWithdrawn },
    requiredFields: settings.requiredFields,
    criteria: settings.criteria,
    abilities: abilitiesOn(actor, ITEM_ACTIONS, resource),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  };
}

/** Loads an item again (after a write, or a new one) and presents it. */
export async function showItem(exec: Executor, actor: SchoolActor, id: string): Promise<Item> {
  const { row, resource } = await loadItem(exec, actor, id);
  return presentItem(exec, actor, row, resource);
}

/** A row of the network's shared library. */
export function presentSharedRow(actor: Actor, row: Omit<z.output<typeof ZSharedRow>, 'own' | 'kind'> & { kind: string }): z.output<typeof ZSharedRow> {
  return { ...row, kind: row.kind as Item['kind'], own: row.schoolId === actor.school?.id };
}

/** One item of the network's shared library: what crosses schools and nothing more (no people, reviews or discussion). */
export function presentSharedItem(actor: Actor, row: ItemRow, schoolName: string): z.output<typeof ZSharedItem> {
  return {
    id: row.id,
    schoolId: row.schoolId,
    schoolName,
    own: row.schoolId === actor.school?.id,
    kind: row.kind as Item['kind'],
    title: row.title,
    summary: row.summary,
    subject: row.subject,
    duration: row.duration,
    fields: row.fields,
    lmsUrl: row.lmsUrl,
    materialType: row.materialType,
    url: row.url,
    tags: row.tags as Record<string, string[]>,
    licence: row.licence,
    language: row.language,
    featured: row.networkFeatured,
    withdrawn: row.networkWithdrawn,
    publishedAt: row.publishedAt,
    abilities: abilitiesOn(actor, NETWORK_ACTIONS),
  };
}
