import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { personTeams, programmeDepartments, programmes, schools, studentProgrammes, supervisorCompanies, teams } from '../db/schema/index';
import { createCompany } from '../features/internship/companies-commands';
import { createGoal, setGoalStatus } from '../features/internship/goals-commands';
import { createOffer } from '../features/internship/offers-store';
import { createPlacement } from '../features/internship/placements-commands';
import { loadInternshipStudent } from '../features/internship/students-access';
import { demoPeople } from './demo-actors';
import { DEMO_SCHOOL } from './demo-data';
import { addDays } from './demo-dates';

/**
 * The praktik part of the demo: four companies (CVR numbers that pass the register's check), the
 * demo supervisor tied to Byg & Co ApS, Emil Elev's school period, his current practice period with
 * Byg & Co and the school period after it, the carpenters' praktikmål with two of his statuses, and
 * offers. Emil and Lone Lærer share the team Tømrer GF2, so Lone is one of his teachers.
 */
const COMPANIES = [
  { name: 'Byg & Co ApS', cvr: '35421874', pNumber: '1021458790', address: 'Havnegade 12', postcode: '5000', city: 'Odense C', trade: 'Tømrer og snedker' },
  { name: 'Nordisk Tagteknik A/S', cvr: '29184518', pNumber: null, address: 'Industrivej 4', postcode: '5260', city: 'Odense S', trade: 'Tagdækning' },
  { name: 'Fyns El-service ApS', cvr: '37702919', pNumber: null, address: 'Rugårdsvej 210', postcode: '5210', city: 'Odense NV', trade: 'El-installation' },
  { name: 'Kontorhuset Svendborg A/S', cvr: '41259361', pNumber: null, address: 'Vestergade 3', postcode: '5700', city: 'Svendborg', trade: 'Administration' },
];
const CARPENTER_GOALS = [
  ['T1', 'Kan opmåle, afsætte og kontrollere byggeriets mål efter tegning', 'Rutineret'],
  ['T2', 'Kan udføre tagkonstruktioner i træ efter gældende regler', 'Rutineret'],
  ['T3', 'Kan montere døre og vinduer med korrekt tætning', 'Avanceret'],
  ['T4', 'Kan planlægge eget arbejde og samarbejde med andre faggrupper på pladsen', 'Rutineret'],
  ['T5', 'Kan arbejde sikkert med stillads, værktøj og maskiner', 'Begynder'],
  ['T6', 'Kan lægge gulve og udføre lofter i træ', 'Rutineret'],
] as const;

export async function seedDemoInternship(db: Db, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
    if (!school) return;
    const schoolId = school.id;
    const demo = await demoPeople(tx, schoolId);
    const lars = demo.as('leder@demo.example');
    const lone = demo.as('laerer@demo.example');
    const pia = demo.as('praktik@demo.example');
    const emil = demo.person('elev@demo.example');
    const programme = async (name: string) => {
      const [p] = await tx.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.schoolId, schoolId), eq(programmes.name, name)));
      if (!p) throw new Error(`the demo programme ${name} is missing`);
      return p.id;
    };
    const carpenter = await programme('Tømrer');
    const electrician = await programme('Elektriker');
    const office = await programme('Kontoruddannelse');
    await tx.insert(programmeDepartments).values([
      { schoolId, programmeId: carpenter, departmentId: demo.department('Bygge og Anlæg') },
      { schoolId, programmeId: electrician, departmentId: demo.department('Teknologi og Transport') },
      { schoolId, programmeId: office, departmentId: demo.department('Handel og Kontor') },
    ]);
    const [gf2] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.schoolId, schoolId), eq(teams.name, 'Tømrer GF2')));
    if (!gf2) throw new Error('the demo team Tømrer GF2 is missing');
    await tx.insert(personTeams).values([emil.id, lone.actor.person.id].map((personId) => ({ schoolId, personId, teamId: gf2.id }))).onConflictDoNothing();
    await tx.insert(studentProgrammes).values({ schoolId, studentId: emil.id, programmeId: carpenter });

    const programmesOf = [[carpenter], [carpenter], [electrician], [office]];
    const made = [];
    for (const [i, c] of COMPANIES.entries()) {
      const row = await createCompany(tx, lars.actor, {
        ...c,
        website: null,
        contacts: [{ name: i === 0 ? 'Pia Praktikvejleder' : 'Kontoret', email: null, phone: '66 12 34 56', role: i === 0 ? 'Praktikvejleder' : null }],
        notes: '',
        programmeIds: programmesOf[i] ?? [],
      });
      await lars.audit({ action: 'company.created', resourceType: 'company', resourceId: row.id, summary: row.name });
      made.push(row);
    }
    const [bygCo, tag] = made;
    if (!bygCo || !tag) throw new Error('the demo companies were not created');
    await tx.insert(supervisorCompanies).values({ schoolId, supervisorId: pia.actor.person.id, companyId: bygCo.id });

    const student = await loadInternshipStudent(tx, lars.actor, emil.id, today);
    const periods = [
      { kind: 'school' as const, startsOn: addDays(today, -98), endsOn: addDays(today, -22), companyId: null, supervisorId: null, note: 'Grundforløb 2' },
      { kind: 'practice' as const, startsOn: addDays(today, -21), endsOn: addDays(today, 62), companyId: bygCo.id, supervisorId: pia.actor.person.id, note: '' },
      { kind: 'school' as const, startsOn: addDays(today, 63), endsOn: addDays(today, 125), companyId: null, supervisorId: null, note: 'Hovedforløb, 1. skoleperiode' },
    ];
    for (const p of periods) {
      const row = await createPlacement(tx, lars.actor, student, { studentId: emil.id, ...p });
      await lars.audit({ action: 'internship.placement_created', resourceType: 'placement', resourceId: row.id, summary: emil.name });
    }

    const goals = [];
    for (const [code, text, level] of CARPENTER_GOALS) goals.push(await createGoal(tx, lars.actor, carpenter, { code, text, level }));
    const [t1, t2, , , t5] = goals;
    if (!t1 || !t2 || !t5) throw new Error('the demo goals were not created');
    await setGoalStatus(tx, lone.actor, emil.id, t5, { status: 'reached', comment: 'Bestået stilladskursus i grundforløbet' });
    await setGoalStatus(tx, pia.actor, emil.id, t1, { status: 'partly', comment: 'Afsætter sikkert, mangler kontrol af diagonaler' });
    await setGoalStatus(tx, pia.actor, emil.id, t2, { status: 'not_yet', comment: 'Starter på spærene i næste uge' });

    const offers = [
      { category: 'visit' as const, companyId: bygCo.id, departmentId: demo.department('Bygge og Anlæg'), title: 'Besøg på byggepladsen i Havnegade', startsOn: addDays(today, 14), endsOn: addDays(today, 14) },
      { category: 'guest_teaching' as const, companyId: tag.id, departmentId: demo.department('Bygge og Anlæg'), title: 'Gæsteundervisning: tagdækning med tagpap', startsOn: null, endsOn: null },
      { category: 'equipment' as const, companyId: tag.id, departmentId: null, title: 'Lån af lift til øvelser på skolen', startsOn: null, endsOn: null },
      { category: 'amu' as const, companyId: null, departmentId: demo.department('Bygge og Anlæg'), title: 'AMU: Stilladsmontage – rulle- og systemstilladser', startsOn: addDays(today, 30), endsOn: addDays(today, 32) },
      { category: 'idv' as const, companyId: null, departmentId: null, title: 'IDV: Digital opmåling for erfarne tømrere', startsOn: addDays(today, 45), endsOn: addDays(today, 46) },
    ];
    for (const o of offers) {
      const row = await createOffer(tx, lars.actor, { ...o, description: '', contactName: 'Lars Leder', contactEmail: 'leder@demo.example', contactPhone: null });
      await lars.audit({ action: 'internship.offer_created', resourceType: 'offer', resourceId: row.id, summary: row.title });
    }
    await demo.flush();
  });
}
