import { describe, expect, it } from 'vitest';
import { SCHOOL_ROLES, type SchoolRole } from '../../shared/roles';
import type { Actor } from '../platform/actor';
import { installPolicies } from '../platform/kernel';
import { can, type Action } from '../platform/policy';
import { auditFeature } from './audit/manifest';
import { features } from './index';
import { importerFeature } from './importer/manifest';
import { meFeature } from './me/manifest';
import { networkFeature } from './network/manifest';
import { orgFeature } from './org/manifest';
import { peopleFeature } from './people/manifest';
import { schoolFeature } from './school/manifest';

installPolicies(features);
/** The school's core: tenancy, people, import, audit, network, own account. Modules test their own rules. */
const CORE = [schoolFeature, orgFeature, peopleFeature, importerFeature, auditFeature, networkFeature, meFeature];
const ACTIONS = CORE.flatMap((f) => Object.keys(f.rules)) as CoreAction[];
type CoreAction = Exclude<Action, 'person:read'> & ('school:read' | 'school:overview' | 'school:update' | 'school:export' | 'org:read' | 'org:manage' | 'people:list' | 'person:create' | 'person:update' | 'person:assignRoles' | 'person:invite' | 'people:import' | 'audit:read' | 'network:read' | 'network:manageSchools' | 'network:manageCoordinators' | 'network:audit' | 'network:switch' | 'account:self' | 'person:exportData' | 'person:erase' | 'account:exportData');

const actorWith = (roles: SchoolRole[], departmentId: string | null = 'd1'): Actor => ({
  accountId: 'a',
  email: 'a@test',
  locale: 'da',
  sessionId: 's',
  csrfToken: 'c',
  school: { id: 'school', name: 'S', networkId: 'n' },
  person: { id: 'me', name: 'Me', departmentId },
  roles,
  network: null,
});
const coordinator: Actor = { ...actorWith([]), school: null, person: null, network: { id: 'n', roles: ['network_coordinator'] } };

/** The expected matrix, written out by hand: which school roles may take each resource-less action. */
const EXPECTED: Record<CoreAction, SchoolRole[] | 'all'> = {
  'school:read': 'all',
  'school:overview': ['school_admin', 'top_management', 'department_head'],
  'school:update': ['school_admin'],
  'school:export': ['school_admin'],
  'org:read': 'all',
  'org:manage': ['school_admin'],
  'people:list': ['school_admin', 'top_management', 'department_head'],
  'person:create': ['school_admin'],
  'person:update': ['school_admin'],
  'person:assignRoles': ['school_admin'],
  'person:invite': ['school_admin'],
  'people:import': ['school_admin'],
  'audit:read': ['school_admin'],
  'network:read': [],
  'network:manageSchools': [],
  'network:manageCoordinators': [],
  'network:audit': [],
  'network:switch': [],
  'account:self': 'all',
  'person:exportData': ['school_admin'],
  'person:erase': ['school_admin'],
  'account:exportData': 'all',
};

describe('policy matrix (role × action)', () => {
  it('has an expectation for every core action (features test their own rules)', () => {
    const core = ACTIONS.filter((a) => (a as string) !== 'person:read');
    expect(core.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [action, allowed] of Object.entries(EXPECTED) as [CoreAction, SchoolRole[] | 'all'][]) {
    for (const role of SCHOOL_ROLES) {
      const want = allowed === 'all' || allowed.includes(role);
      it(`${role} ${want ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actorWith([role]), action)).toBe(want);
      });
    }
  }

  it('a person without roles may only read the school, act on their own account and download their own data', () => {
    expect(ACTIONS.filter((a) => can(actorWith([]), a))).toEqual(['school:read', 'org:read', 'account:self', 'account:exportData']);
  });

  it('the network coordinator may run the network and nothing inside a school', () => {
    expect(ACTIONS.filter((a) => can(coordinator, a))).toEqual([
      'network:read', 'network:manageSchools', 'network:manageCoordinators', 'network:audit', 'network:switch', 'account:self',
    ]);
  });

  describe('person:read', () => {
    const colleague = { kind: 'person' as const, id: 'other', departmentId: 'd1', accountId: null };
    const elsewhere = { kind: 'person' as const, id: 'other2', departmentId: 'd2', accountId: null };
    const self = { kind: 'person' as const, id: 'me', departmentId: 'd1', accountId: 'a' };
    it('admins and top management read anyone in the school', () => {
      expect(can(actorWith(['school_admin']), 'person:read', elsewhere)).toBe(true);
      expect(can(actorWith(['top_management']), 'person:read', elsewhere)).toBe(true);
    });
    it('a department head reads only their own department', () => {
      expect(can(actorWith(['department_head']), 'person:read', colleague)).toBe(true);
      expect(can(actorWith(['department_head']), 'person:read', elsewhere)).toBe(false);
      expect(can(actorWith(['department_head'], null), 'person:read', { ...elsewhere, departmentId: null })).toBe(false);
    });
    it('everyone reads themself and no one else', () => {
      for (const role of ['teacher', 'student', 'company_supervisor', 'editorial'] as SchoolRole[]) {
        expect(can(actorWith([role]), 'person:read', self)).toBe(true);
        expect(can(actorWith([role]), 'person:read', colleague)).toBe(false);
      }
    });
    it('is denied without a resource', () => {
      expect(can(actorWith(['school_admin']), 'person:read')).toBe(false);
    });
  });
});
