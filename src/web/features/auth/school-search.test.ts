import { describe, expect, it } from 'vitest';
import type { TPublicProvider } from '../../../shared/api/sign-in';
import { providersOfSchool, schoolsOf, searchSchools } from './school-search';

const provider = (id: string, schoolId: string, schoolName: string, label = 'UNI-Login'): TPublicProvider => ({
  id,
  kind: 'unilogin',
  label,
  schoolId,
  schoolName,
});
const providers = [
  provider('p1', 's1', 'Aarhus Tech'),
  provider('p2', 's2', 'Åbenrå Erhvervsskole'),
  provider('p3', 's1', 'Aarhus Tech', 'Skolens Microsoft-konto'),
  provider('p4', 's3', 'Tech College Aalborg'),
  provider('p5', 's4', 'École Française'),
];

describe('the sign-in page\'s school search', () => {
  it('lists each school once with all its providers, sorted in Danish order', () => {
    const schools = schoolsOf(providers);
    // Danish order: "Aa" is the old spelling of "Å" and sorts with it, at the end of the alphabet
    expect(schools.map((s) => s.name)).toEqual(['École Française', 'Tech College Aalborg', 'Åbenrå Erhvervsskole', 'Aarhus Tech']);
    expect(schools.find((s) => s.id === 's1')?.providers.map((p) => p.id)).toEqual(['p1', 'p3']);
  });

  it('finds schools by every word typed, in any order, those starting with the query first', () => {
    const schools = schoolsOf(providers);
    expect(searchSchools(schools, 'tech').map((s) => s.id)).toEqual(['s3', 's1']);
    expect(searchSchools(schools, '  aarhus   TECH ').map((s) => s.id)).toEqual(['s1']);
    expect(searchSchools(schools, 'tech aarhus').map((s) => s.id)).toEqual(['s1']);
    expect(searchSchools(schools, 'ecole').map((s) => s.id)).toEqual(['s4']);
  });

  it('keeps å a letter of its own and finds nothing for an empty query or an unknown name', () => {
    const schools = schoolsOf(providers);
    expect(searchSchools(schools, 'åben').map((s) => s.id)).toEqual(['s2']);
    expect(searchSchools(schools, 'aben')).toEqual([]);
    expect(searchSchools(schools, '   ')).toEqual([]);
    expect(searchSchools(schools, 'Roskilde')).toEqual([]);
  });

  it('gives an invitation the providers of its school only', () => {
    expect(providersOfSchool(providers, 'Aarhus Tech').map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(providersOfSchool(providers, 'Aarhus')).toEqual([]);
    expect(providersOfSchool(providers, null)).toEqual([]);
  });
});
