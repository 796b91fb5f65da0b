import { LIBRARY_STATUSES } from '../../../shared/api/library';
import type { Actor, SchoolActor } from '../../platform/actor';
import { hasRole, isMember, isStaff } from '../../platform/policy-helpers';

export const STATUSES = LIBRARY_STATUSES;
export type Status = (typeof STATUSES)[number];

/** What the policy needs to know about one library item (already loaded inside the actor's school). */
export type LibraryItemResource = {
  kind: 'libraryItem';
  status: Status;
  authorId: string;
  coAuthorIds: string[];
  /** People who share a team with the author or a co-author (may comment while "delt med team"). */
  teamIds: string[];
  reviewerId: string | null;
  licence: string;
};

/** The editorial group (redaktionsgruppe): editorial role and internal consultants. */
export const isEditorial = (a: Actor) => hasRole(a, 'editorial', 'internal_consultant');
export const isCoordinator = (a: Actor) => a.network?.roles.includes('network_coordinator') === true;
export const isAuthor = (a: Actor, r: LibraryItemResource) => a.person !== null && (r.authorId === a.person.id || r.coAuthorIds.includes(a.person.id));
const inTeam = (a: Actor, r: LibraryItemResource) => a.person !== null && r.teamIds.includes(a.person.id);
const editable = (r: LibraryItemResource) => r.status === 'draft' || r.status === 'team' || r.status === 'returned';
export const OPEN_LICENCES = ['cc_by', 'cc_by_sa', 'cc_by_nc'];

/** Who may see an item: drafts only their authors; the team while shared; the editorial group while in review; everyone once published. */
export function canSee(a: Actor, r: LibraryItemResource): boolean {
  if (!isMember(a)) return false;
  if (isAuthor(a, r)) return true;
  if (r.status === 'published') return true;
  if (r.status === 'team') return inTeam(a, r);
  if (r.status === 'submitted' || r.status === 'in_review') return isEditorial(a);
  return false;
}

/** A rule on one item: only for a member of the item's school, and never without the item. */
const onItem =
  (test: (a: Actor, r: LibraryItemResource) => boolean) =>
  (a: Actor, r?: LibraryItemResource): boolean =>
    r !== undefined && isMember(a) && test(a, r);

export const libraryRules = {
  'library:read': isMember,
  'library:create': isStaff,
  'library:settings': isEditorial,
  /** The editorial group's review queue and its count badge. */
  'library:review': isEditorial,
  'libraryItem:read': onItem(canSee),
  'libraryItem:update': onItem((a, r) => isAuthor(a, r) && editable(r)),
  'libraryItem:spellcheck': onItem((a, r) => isAuthor(a, r) && editable(r)),
  /** Only the author who created it (not a co-author), and never once it is in review or published. */
  'libraryItem:delete': onItem((a, r) => r.authorId === a.person?.id && editable(r)),
  'libraryItem:share': onItem((a, r) => isAuthor(a, r) && (r.status === 'draft' || r.status === 'returned')),
  'libraryItem:submit': onItem((a, r) => isAuthor(a, r) && editable(r)),
  'libraryItem:comment': onItem((a, r) => canSee(a, r) && isStaff(a)),
  // reviewers may never review (or approve) their own work
  'libraryItem:take': onItem((a, r) => isEditorial(a) && !isAuthor(a, r) && r.status === 'submitted'),
  'libraryItem:review': onItem((a, r) => isEditorial(a) && !isAuthor(a, r) && r.status === 'in_review' && r.reviewerId === a.person?.id),
  'libraryItem:adapt': onItem((a, r) => isStaff(a) && r.status === 'published'),
  'libraryItem:lock': onItem((a, r) => isEditorial(a) && r.status === 'published'),
  'libraryItem:network': onItem((a, r) => (isAuthor(a, r) || isEditorial(a)) && r.status === 'published'),
  'glossary:read': isMember,
  'glossary:manage': isEditorial,
  /** The network's shared library: members of its schools, and its coordinator. */
  'libraryNetwork:read': (a: Actor) => isMember(a) || isCoordinator(a),
  'libraryNetwork:adapt': isStaff,
  'libraryNetwork:curate': isCoordinator,
};

/** The actions on one item, as its `abilities` reach the UI; they need the item and are never general abilities. */
export const ITEM_ACTIONS = [
  'libraryItem:update',
  'libraryItem:spellcheck',
  'libraryItem:delete',
  'libraryItem:share',
  'libraryItem:submit',
  'libraryItem:comment',
  'libraryItem:take',
  'libraryItem:review',
  'libraryItem:adapt',
  'libraryItem:lock',
  'libraryItem:network',
] as const;
export const ITEM_RESOURCE_ACTIONS = ['libraryItem:read', ...ITEM_ACTIONS] as const;
/** The actions on the network's shared library, as its `abilities` reach the UI. */
export const NETWORK_ACTIONS = ['libraryNetwork:curate', 'libraryNetwork:adapt'] as const;

/**
 * List scope beside the rules, mirroring canSee(): a reader lists published items, their own and
 * co-authored items and items shared with a team they are in; the editorial group also lists what
 * awaits review.
 */
export const libraryScope = (actor: SchoolActor): { personId: string; reviewQueue: boolean } => ({ personId: actor.person.id, reviewQueue: isEditorial(actor) });

/**
 * List scope of the network's shared library: the items of the reader's network; the coordinator
 * also sees what has been withdrawn (to restore it). Null when the reader belongs to no network.
 */
export const networkLibraryScope = (actor: Actor): { networkId: string; withdrawn: boolean } | null => {
  const networkId = actor.school?.networkId ?? actor.network?.id ?? null;
  return networkId ? { networkId, withdrawn: isCoordinator(actor) } : null;
};

type LibraryRules = typeof libraryRules;
declare module '../../platform/policy' {
  interface PolicyRules extends LibraryRules {}
}
