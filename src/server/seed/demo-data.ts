import type { SchoolRole } from '../../shared/roles';

/** The demo school "Demo Erhvervsskole": four departments, ten named demo users and 40 colleagues. */
export const DEMO_PASSWORD = 'demo-retning';
export const DEMO_SCHOOL = { name: 'Demo Erhvervsskole', institutionNumber: '999001' };
export const DEMO_DEPARTMENTS = ['Bygge og Anlæg', 'Handel og Kontor', 'Sundhed og Omsorg', 'Teknologi og Transport'] as const;
export const DEMO_PROGRAMMES = ['Tømrer', 'Elektriker', 'Kontoruddannelse', 'Detailhandelsuddannelse', 'Social- og sundhedsassistent', 'Pædagogisk assistent', 'Automatik og proces', 'Smed'];
export const DEMO_TEAMS: [string, (typeof DEMO_DEPARTMENTS)[number]][] = [
  ['Tømrer GF2', 'Bygge og Anlæg'],
  ['Kontor EUX', 'Handel og Kontor'],
  ['SOSU-assistent hold A', 'Sundhed og Omsorg'],
  ['Automatik hovedforløb', 'Teknologi og Transport'],
];

export type DemoUser = { email: string; name: string; jobTitle: string; department: (typeof DEMO_DEPARTMENTS)[number] | null; roles: SchoolRole[] };

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.example', name: 'Anne Administrator', jobTitle: 'IT-administrator', department: null, roles: ['school_admin'] },
  { email: 'direktion@demo.example', name: 'Dorte Direktør', jobTitle: 'Direktør', department: null, roles: ['top_management'] },
  { email: 'leder@demo.example', name: 'Lars Leder', jobTitle: 'Uddannelseschef', department: 'Bygge og Anlæg', roles: ['department_head'] },
  { email: 'laerer@demo.example', name: 'Lone Lærer', jobTitle: 'Faglærer', department: 'Bygge og Anlæg', roles: ['teacher'] },
  { email: 'ambassador@demo.example', name: 'Anders Ambassadør', jobTitle: 'Faglærer og it-ambassadør', department: 'Teknologi og Transport', roles: ['teacher', 'it_ambassador'] },
  { email: 'redaktion@demo.example', name: 'Rikke Redaktør', jobTitle: 'Pædagogisk leder', department: 'Handel og Kontor', roles: ['editorial', 'department_head'] },
  { email: 'konsulent@demo.example', name: 'Kasper Konsulent', jobTitle: 'Intern pædagogisk konsulent', department: null, roles: ['internal_consultant', 'editorial'] },
  { email: 'elev@demo.example', name: 'Emil Elev', jobTitle: 'Elev, tømrer', department: 'Bygge og Anlæg', roles: ['student'] },
  { email: 'praktik@demo.example', name: 'Pia Praktikvejleder', jobTitle: 'Praktikvejleder, Byg & Co ApS', department: null, roles: ['company_supervisor'] },
];
/** The network coordinator sits on the network, not on a school. */
export const DEMO_COORDINATOR = { email: 'koordinator@demo.example' };

const FIRST = ['Mette', 'Søren', 'Camilla', 'Jens', 'Hanne', 'Mikkel', 'Birgitte', 'Rasmus', 'Louise', 'Thomas', 'Ida', 'Niels', 'Maja', 'Peter', 'Signe', 'Morten', 'Karen', 'Jesper', 'Line', 'Ole'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Møller', 'Østergaard'];
const TITLES = ['Faglærer', 'Underviser', 'Lektor', 'Adjunkt', 'Vejleder', 'Faglærer', 'Underviser'];

/** 40 colleagues spread over the four departments, deterministic so demos look the same everywhere. */
export function demoColleagues(): { name: string; email: string; jobTitle: string; department: (typeof DEMO_DEPARTMENTS)[number]; employmentStart: string }[] {
  return Array.from({ length: 40 }, (_, i) => {
    const first = FIRST[i % FIRST.length] ?? 'Kim';
    const last = LAST[(i * 7) % LAST.length] ?? 'Jensen';
    const year = 2005 + ((i * 3) % 20);
    const month = 1 + ((i * 5) % 12);
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}@demo.example`.toLowerCase().replace(/ø/g, 'oe').replace(/æ/g, 'ae').replace(/å/g, 'aa'),
      jobTitle: TITLES[i % TITLES.length] ?? 'Underviser',
      department: DEMO_DEPARTMENTS[i % DEMO_DEPARTMENTS.length] ?? 'Bygge og Anlæg',
      employmentStart: `${year}-${String(month).padStart(2, '0')}-01`,
    };
  });
}
