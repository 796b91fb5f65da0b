import type { Actor } from '../../platform/actor';
import { hasRole, isMember, type Rule } from '../../platform/policy-helpers';

export const STATUSES = ['draft', 'team', 'submitted', 'in_review', 'published', 'returned'] as const;
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
const isItem = (r: object | undefined): r is LibraryItemResource => (r as { kind?: string } | undefined)?.kind === 'libraryItem';

/** The editorial group (redaktionsgruppe): editorial role and internal consultants. */
export const isEditorial = (a: Actor) => hasRole(a, 'editorial', 'internal_consultant');
/** Staff who write materials and forløb (not students, not company supervisors). */
export const isStaff = (a: Actor) =>
  hasRole(a, 'teacher', 'it_ambassador', 'editorial', 'internal_consultant', 'department_head', 'top_management', 'school_admin');
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

const item =
  (test: (a: Actor, r: LibraryItemResource) => boolean): Rule =>
  (a, r) =>
    isItem(r) && isMember(a) && test(a, r);

export const libraryRules = {
  'library:read': isMember,
  'library:create': isStaff,
  'library:settings': isEditorial,
  /** The editorial group's review queue and its count badge. */
  'library:review': isEditorial,
  'libraryItem:read': item(canSee),
  'libraryItem:update': item((a, r) => isAuthor(a, r) && editable(r)),
  'libraryItem:spellcheck': item((a, r) => isAuthor(a, r) && editable(r)),
  'libraryItem:share': item((a, r) => isAuthor(a, r) && (r.status === 'draft' || r.status === 'returned')),
  'libraryItem:submit': item((a, r) => isAuthor(a, r) && editable(r)),
  'libraryItem:comment': item((a, r) => canSee(a, r) && hasRole(a, 'teacher', 'it_ambassador', 'editorial', 'internal_consultant', 'department_head', 'top_management', 'school_admin')),
  // reviewers may never review (or approve) their own work
  'libraryItem:take': item((a, r) => isEditorial(a) && !isAuthor(a, r) && r.status === 'submitted'),
  'libraryItem:review': item((a, r) => isEditorial(a) && !isAuthor(a, r) && r.status === 'in_review' && r.reviewerId === a.person?.id),
  'libraryItem:adapt': item((a, r) => isStaff(a) && r.status === 'published'),
  'libraryItem:lock': item((a, r) => isEditorial(a) && r.status === 'published'),
  'libraryItem:network': item((a, r) => (isAuthor(a, r) || isEditorial(a)) && r.status === 'published'),
  'glossary:read': isMember,
  'glossary:manage': isEditorial,
  /** The network's shared library: members of its schools, and its coordinator. */
  'libraryNetwork:read': (a) => isMember(a) || a.network?.roles.includes('network_coordinator') === true,
  'libraryNetwork:adapt': isStaff,
  'libraryNetwork:curate': (a) => a.network?.roles.includes('network_coordinator') === true,
} satisfies Record<string, Rule>;

type LibraryRules = typeof libraryRules;
declare module '../../platform/policy' {
  interface PolicyRules extends LibraryRules {}
}
