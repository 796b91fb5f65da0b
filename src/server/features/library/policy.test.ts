import { describe, expect, it } from 'vitest';
import { SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import type { Actor } from '../../platform/actor';
import { can, installRules, type Action } from '../../platform/policy';
import { libraryRules, type LibraryItemResource, type Status } from './policy';

installRules(libraryRules);

const actor = (roles: SchoolRole[], id = 'me'): Actor => ({
  accountId: 'a',
  email: 'a@test',
  locale: 'da',
  sessionId: 's',
  csrfToken: 'c',
  school: { id: 'school', name: 'S', networkId: 'n' },
  person: { id, name: 'Me', departmentId: null },
  roles,
  network: null,
});
const coordinator: Actor = { ...actor([]), school: null, person: null, network: { id: 'n', roles: ['network_coordinator'] } };
const item = (status: Status, over: Partial<LibraryItemResource> = {}): LibraryItemResource => ({ kind: 'libraryItem', status, authorId: 'author', coAuthorIds: [], teamIds: [], reviewerId: null, licence: 'cc_by', ...over });

const STAFF: SchoolRole[] = ['school_admin', 'top_management', 'department_head', 'teacher', 'it_ambassador', 'editorial', 'internal_consultant'];
const EDITORIAL: SchoolRole[] = ['editorial', 'internal_consultant'];
/** Resource-less library actions: which school roles may take each. */
const EXPECTED: Record<string, SchoolRole[] | 'all'> = {
  'library:read': 'all',
  'library:create': STAFF,
  'library:settings': EDITORIAL,
  'glossary:read': 'all',
  'glossary:manage': EDITORIAL,
  'libraryNetwork:read': 'all',
  'libraryNetwork:adapt': STAFF,
  'libraryNetwork:curate': [],
};

describe('library policy: role × action', () => {
  for (const [action, allowed] of Object.entries(EXPECTED)) {
    for (const role of SCHOOL_ROLES) {
      const want = allowed === 'all' || allowed.includes(role);
      it(`${role} ${want ? 'may' : 'may not'} ${action}`, () => expect(can(actor([role]), action as Action)).toBe(want));
    }
  }
  it('the coordinator may read and curate the network library and nothing else of the library', () => {
    expect(Object.keys(libraryRules).filter((a) => can(coordinator, a as Action, item('published')))).toEqual(['libraryNetwork:read', 'libraryNetwork:curate']);
  });
});

describe('library policy: the workflow per role', () => {
  const author = actor(['teacher'], 'author');
  const coAuthor = actor(['teacher'], 'co');
  const mate = actor(['teacher'], 'mate');
  const colleague = actor(['teacher'], 'x');
  const editor = actor(['editorial'], 'ed');
  it('a draft is visible and editable only by author and co-authors', () => {
    const r = item('draft', { coAuthorIds: ['co'], teamIds: ['mate'] });
    for (const a of [author, coAuthor]) for (const act of ['libraryItem:read', 'libraryItem:update', 'libraryItem:spellcheck', 'libraryItem:share', 'libraryItem:submit'] as Action[]) expect(can(a, act, r)).toBe(true);
    for (const a of [mate, colleague, editor, actor(['school_admin']), actor(['top_management'])]) expect(can(a, 'libraryItem:read', r)).toBe(false);
  });
  it('shared with team: the team reads and comments, never edits or spell-checks', () => {
    const r = item('team', { teamIds: ['author', 'mate'] });
    expect(can(mate, 'libraryItem:read', r)).toBe(true);
    expect(can(mate, 'libraryItem:comment', r)).toBe(true);
    expect(can(mate, 'libraryItem:update', r)).toBe(false);
    expect(can(mate, 'libraryItem:spellcheck', r)).toBe(false);
    expect(can(colleague, 'libraryItem:read', r)).toBe(false);
  });
  it('review: the editorial group takes it, only the taker decides, never on own work', () => {
    expect(can(editor, 'libraryItem:take', item('submitted'))).toBe(true);
    expect(can(colleague, 'libraryItem:take', item('submitted'))).toBe(false);
    expect(can(author, 'libraryItem:update', item('submitted'))).toBe(false);
    expect(can(editor, 'libraryItem:review', item('in_review', { reviewerId: 'ed' }))).toBe(true);
    expect(can(actor(['editorial'], 'ed2'), 'libraryItem:review', item('in_review', { reviewerId: 'ed' }))).toBe(false);
    const own = item('submitted', { authorId: 'ed' });
    expect(can(editor, 'libraryItem:take', own)).toBe(false);
    expect(can(editor, 'libraryItem:review', { ...own, status: 'in_review', reviewerId: 'ed' })).toBe(false);
    expect(can(editor, 'libraryItem:review', item('in_review', { coAuthorIds: ['ed'], reviewerId: 'ed' }))).toBe(false);
  });
  it('published: everyone reads; staff adapt; editorial locks; students neither adapt nor comment', () => {
    const r = item('published');
    for (const role of SCHOOL_ROLES) expect(can(actor([role]), 'libraryItem:read', r)).toBe(true);
    expect(can(colleague, 'libraryItem:adapt', r)).toBe(true);
    expect(can(actor(['student']), 'libraryItem:adapt', r)).toBe(false);
    expect(can(actor(['student']), 'libraryItem:comment', r)).toBe(false);
    expect(can(editor, 'libraryItem:lock', r)).toBe(true);
    expect(can(colleague, 'libraryItem:lock', r)).toBe(false);
    expect(can(author, 'libraryItem:network', r)).toBe(true);
    expect(can(colleague, 'libraryItem:network', r)).toBe(false);
  });
});
