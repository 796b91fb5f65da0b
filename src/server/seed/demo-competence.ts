import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { competenceCourses, competenceEnrolments, competenceRounds, competenceSessions, competenceSettings, departments, people, personRoles, schools } from '../db/schema/index';
import { audit } from '../platform/audit';
import { todayInCopenhagen } from '../platform/time';
import { competencesOf, ensureFramework, loadFramework, syncOnboarding, writeAssessments } from '../features/competence/api';
import { DEMO_SCHOOL } from './demo-data';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The competence part of the demo (issue 4): the default framework, last year's closed round and
 * this year's open round with answers from the 40 colleagues (so that the heatmap shows and changes),
 * two colleagues at level 0 in Bygge og Anlæg, courses (mandatory, onboarding, level 0, voluntary)
 * and a new hire starting on 1 August on the onboarding track. The demo teacher (laerer@) has not
 * answered yet, so she can take the self-assessment. Call after seedDemo(db) on the same database.
 */
export async function seedDemoCompetence(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
    if (!school) return;
    const schoolId = school.id;
    const today = todayInCopenhagen();
    const frameworkId = await ensureFramework(tx, schoolId, 'staff');
    await ensureFramework(tx, schoolId, 'student');
    const fw = await loadFramework(tx, schoolId, frameworkId);
    if (!fw) return;
    const comps = competencesOf(fw);
    // a new hire starting on the next 1 August; the onboarding window reaches that date
    const year = Number(today.slice(0, 4));
    const aug = today <= `${year}-08-01` ? `${year}-08-01` : `${year + 1}-08-01`;
    const daysToAug = Math.ceil((Date.parse(aug) - Date.parse(today)) / 86_400_000);
    await tx.insert(competenceSettings).values({ schoolId, leaderSeesIndividuals: true, onboardingWindowDays: Math.max(60, daysToAug + 1) }).onConflictDoNothing();
    const [bygge] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.schoolId, schoolId), eq(departments.name, 'Bygge og Anlæg')));
    const [hire] = await tx
      .insert(people)
      .values({ schoolId, name: 'Nanna Nyansat', email: 'nanna.nyansat@demo.example', jobTitle: 'Faglærer, tømrer', departmentId: bygge?.id ?? null, employmentStart: aug })
      .onConflictDoNothing()
      .returning({ id: people.id });
    if (hire) await tx.insert(personRoles).values({ schoolId, personId: hire.id, role: 'teacher' });

    const [last] = await tx.insert(competenceRounds).values({ schoolId, frameworkId, title: 'Kortlægning sidste år', opensOn: addDays(today, -380), closesOn: addDays(today, -350) }).returning();
    const [now] = await tx.insert(competenceRounds).values({ schoolId, frameworkId, title: 'Kortlægning i år', opensOn: addDays(today, -10), closesOn: addDays(today, 30) }).returning();
    if (!last || !now) return;
    const staff = (await tx.select({ id: people.id, departmentId: people.departmentId, accountId: people.accountId }).from(people).where(eq(people.schoolId, schoolId))).filter(
      (p) => p.accountId === null && p.id !== hire?.id,
    );
    // deterministic levels: departments differ, this year is better than last, two level-0 colleagues in Bygge og Anlæg
    const deptBias = (d: string | null) => (d === bygge?.id ? -1 : 0);
    const level = (p: number, c: number, bump: number) => Math.max(0, Math.min(6, 1 + ((p * 7 + c * 3) % 4) + bump + deptBias(staff[p]?.departmentId ?? null) + (c >= comps.length - 3 ? 1 : 0)));
    const zero = new Set(staff.map((p, i) => (p.departmentId === bygge?.id ? i : -1)).filter((i) => i >= 0).slice(0, 2));
    await writeAssessments(tx, schoolId, last.id, frameworkId, staff, (p, c) => level(p, c, 0), (p) => !zero.has(p), new Date(`${addDays(today, -360)}T10:00:00Z`));
    await writeAssessments(tx, schoolId, now.id, frameworkId, staff, (p, c) => level(p, c, 1), (p) => !zero.has(p), new Date(`${addDays(today, -5)}T10:00:00Z`));

    const audienceAll = { allStaff: true, newHires: false, levelZero: false, departmentIds: [] };
    const courses = await tx
      .insert(competenceCourses)
      .values([
        { schoolId, title: 'Grundkursus: skolens digitale platforme', description: 'Obligatorisk for alle medarbejdere og ledere: Canvas, Teams og deling af materialer.', mandatory: true, format: 'presence', targets: comps.slice(0, 4).map((c) => ({ competenceId: c.id, targetLevel: 3 })), audience: audienceAll },
        { schoolId, title: 'Introforløb for nyansatte', description: 'Retning, Canvas og skolens pædagogiske grundlag på fire korte moduler.', mandatory: true, format: 'online_mini', targets: [], audience: { ...audienceAll, allStaff: false, newHires: true } },
        { schoolId, title: 'Kom godt i gang med it', description: 'Særlig indsats for niveau 0: login, filer og mail, én til én.', mandatory: false, format: 'peer_training', targets: [], audience: { ...audienceAll, allStaff: false, levelZero: true } },
        { schoolId, title: 'Video og simulation i faget', description: 'Brug video af praksis, VR og simulation i værkstedsundervisningen.', mandatory: false, format: 'vocational_technology', targets: comps.slice(-3).map((c) => ({ competenceId: c.id, targetLevel: 5 })), audience: audienceAll },
        { schoolId, title: 'Diplommodul: It-didaktisk design', description: 'Diplommodul (10 ECTS) i samarbejde med professionshøjskolen.', mandatory: false, format: 'diploma_module', targets: comps.slice(8, 12).map((c) => ({ competenceId: c.id, targetLevel: 5 })), audience: audienceAll },
      ])
      .returning();
    const grund = courses[0];
    if (grund) {
      const [session] = await tx.insert(competenceSessions).values({ schoolId, courseId: grund.id, startsAt: new Date(`${addDays(today, 14)}T07:30:00Z`), place: 'Lokale A1.12', capacity: 20 }).returning();
      await tx.insert(competenceSessions).values({ schoolId, courseId: grund.id, startsAt: new Date(`${addDays(today, 35)}T12:00:00Z`), onlineUrl: 'https://teams.example/grundkursus', capacity: 30 });
      // most colleagues have completed it; a few in each department have not
      await tx.insert(competenceEnrolments).values(
        staff.map((p, i) => ({ schoolId, courseId: grund.id, personId: p.id, sessionId: session?.id ?? null, status: 'enrolled', source: 'leader', attended: i % 5 !== 0, completedAt: i % 5 !== 0 ? new Date() : null, rating: i % 5 !== 0 ? 3 + (i % 3) : null })),
      );
    }
    await syncOnboarding(tx, schoolId);
    await audit(tx, { system: 'Demo', schoolId }, { action: 'competence.demo_seeded', resourceType: 'school', resourceId: schoolId });
  });
}
