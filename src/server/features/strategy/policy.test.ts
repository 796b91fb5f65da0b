import { describe, expect, it } from 'vitest';
import { SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import type { Actor } from '../../platform/actor';
import { can, installRules } from '../../platform/policy';
import { strategyRules, type InitiativeResource } from './policy';

installRules(strategyRules);

const actor = (roles: SchoolRole[], departmentId: string | null = 'd1', personId = 'me'): Actor => ({
  accountId: 'acc',
  email: 'a@test',
  locale: 'da',
  sessionId: 's',
  csrfToken: 'c',
  school: { id: 'school', name: 'S', networkId: 'n' },
  person: { id: personId, name: 'Me', departmentId },
  roles,
  network: null,
});
const STAFF: SchoolRole[] = ['school_admin', 'top_management', 'department_head', 'teacher', 'it_ambassador', 'editorial', 'internal_consultant'];
const EXPECTED: Record<keyof typeof strategyRules, SchoolRole[]> = {
  'strategy:read': STAFF,
  'strategy:manage': ['top_management'],
  'strategy:overview': ['top_management', 'department_head'],
  'strategy:export': ['top_management', 'department_head'],
  'initiative:create': ['top_management', 'department_head'],
  'initiative:update': ['top_management', 'department_head'],
  'initiative:checkin': ['top_management', 'department_head'],
  'initiative:setStatus': ['top_management', 'department_head'],
  'initiative:comment': STAFF,
  'decision:create': ['top_management', 'department_head'],
  'ambassador:manage': ['top_management', 'department_head'],
  'calendar:read': STAFF,
  'calendar:manage': ['top_management', 'department_head'],
  'calendar:subscribe': STAFF,
};
const central: InitiativeResource = { kind: 'initiative', level: 'central', departmentId: null, ownerId: null, collaboratorIds: [] };
const ownDept: InitiativeResource = { kind: 'initiative', level: 'department', departmentId: 'd1', ownerId: 'owner', collaboratorIds: ['collab'] };
const otherDept: InitiativeResource = { ...ownDept, departmentId: 'd2' };

describe('strategy policy matrix (role × action, no resource)', () => {
  for (const [action, allowed] of Object.entries(EXPECTED) as [keyof typeof strategyRules, SchoolRole[]][]) {
    for (const role of SCHOOL_ROLES) {
      const want = allowed.includes(role);
      it(`${role} ${want ? 'may' : 'may not'} ${action}`, () => expect(can(actor([role]), action)).toBe(want));
    }
  }
});

describe('strategy policy on resources', () => {
  it.each([
    ['top_management', central, 'initiative:update', true],
    ['department_head', central, 'initiative:update', false],
    ['department_head', ownDept, 'initiative:update', true],
    ['department_head', otherDept, 'initiative:update', false],
    ['department_head', otherDept, 'initiative:checkin', false],
    ['teacher', ownDept, 'initiative:update', false],
    ['teacher', ownDept, 'initiative:checkin', false],
    ['teacher', ownDept, 'initiative:comment', true],
    ['student', ownDept, 'initiative:comment', false],
  ] as const)('%s on %o: %s → %s', (role, r, action, want) => {
    expect(can(actor([role]), action, r)).toBe(want);
  });

  it('owners and collaborators check in; only the owner (or a leader) sets the status', () => {
    expect(can(actor(['teacher'], 'd9', 'owner'), 'initiative:checkin', otherDept)).toBe(true);
    expect(can(actor(['teacher'], 'd9', 'collab'), 'initiative:checkin', otherDept)).toBe(true);
    expect(can(actor(['teacher'], 'd9', 'owner'), 'initiative:setStatus', otherDept)).toBe(true);
    expect(can(actor(['teacher'], 'd9', 'collab'), 'initiative:setStatus', otherDept)).toBe(false);
    expect(can(actor(['student'], 'd9', 'owner'), 'initiative:checkin', otherDept)).toBe(false);
  });

  it('a department head without a department edits nothing; feeds are revoked by their creator or top management', () => {
    expect(can(actor(['department_head'], null), 'initiative:create')).toBe(false);
    expect(can(actor(['teacher']), 'calendar:subscribe', { kind: 'calendar_feed', createdBy: 'acc' })).toBe(true);
    expect(can(actor(['teacher']), 'calendar:subscribe', { kind: 'calendar_feed', createdBy: 'other' })).toBe(false);
    expect(can(actor(['top_management']), 'calendar:subscribe', { kind: 'calendar_feed', createdBy: 'other' })).toBe(true);
  });
});
