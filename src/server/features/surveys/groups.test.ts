import { describe, expect, it } from 'vitest';
import { groupOfRoles } from './groups';

describe('respondent group from roles', () => {
  it('takes the first group in the order leader, teacher, student, supervisor', () => {
    expect(groupOfRoles(['teacher', 'department_head'])).toBe('leader');
    expect(groupOfRoles(['internal_consultant'])).toBe('teacher');
    expect(groupOfRoles(['editorial', 'student'])).toBe('teacher');
    expect(groupOfRoles(['student'])).toBe('student');
    expect(groupOfRoles(['company_supervisor'])).toBe('supervisor');
  });
  it('a school administrator alone answers in no group', () => {
    expect(groupOfRoles(['school_admin'])).toBeNull();
    expect(groupOfRoles([])).toBeNull();
  });
});
