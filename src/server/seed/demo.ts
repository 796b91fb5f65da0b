import type { Db } from '../db/client';
import { accounts, departments, networkRoles, people, personRoles, programmes, teams } from '../db/schema/index';
import { hashPassword } from '../platform/passwords';
import { audit } from '../platform/audit';
import { createSchool, ensureNetworkNamed } from './create-school';
import { DEMO_COORDINATOR, DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_PROGRAMMES, DEMO_SCHOOL, DEMO_TEAMS, DEMO_USERS, demoColleagues } from './demo-data';

/** Seeds the demo school into an empty embedded database. Never runs with DATABASE_URL or in production. */
export async function seedDemo(db: Db): Promise<{ email: string; role: string }[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const networkId = await ensureNetworkNamed(tx, 'Demo Netværk');
    const schoolId = await createSchool(tx, { networkId, name: DEMO_SCHOOL.name, institutionNumber: DEMO_SCHOOL.institutionNumber });
    const depts = await tx
      .insert(departments)
      .values(DEMO_DEPARTMENTS.map((name) => ({ schoolId, name })))
      .returning({ id: departments.id, name: departments.name });
    const deptId = (name: string | null) => (name ? (depts.find((d) => d.name === name)?.id ?? null) : null);
    await tx.insert(programmes).values(DEMO_PROGRAMMES.map((name) => ({ schoolId, name })));
    await tx.insert(teams).values(DEMO_TEAMS.map(([name, dept]) => ({ schoolId, name, departmentId: deptId(dept) })));

    const accs = await tx
      .insert(accounts)
      .values([...DEMO_USERS.map((u) => ({ email: u.email, passwordHash })), { email: DEMO_COORDINATOR.email, passwordHash }])
      .returning({ id: accounts.id, email: accounts.email });
    const accId = (email: string) => accs.find((a) => a.email === email)?.id ?? null;
    const staff = await tx
      .insert(people)
      .values([
        ...DEMO_USERS.map((u, i) => ({
          schoolId,
          accountId: accId(u.email),
          name: u.name,
          email: u.email,
          jobTitle: u.jobTitle,
          departmentId: deptId(u.department),
          employmentStart: `${2010 + i}-08-01`,
        })),
        ...demoColleagues().map((c) => ({ schoolId, name: c.name, email: c.email, jobTitle: c.jobTitle, departmentId: deptId(c.department), employmentStart: c.employmentStart })),
      ])
      .returning({ id: people.id, email: people.email });
    const roleRows = DEMO_USERS.flatMap((u) => u.roles.map((role) => ({ schoolId, personId: staff.find((s) => s.email === u.email)?.id ?? '', role })));
    const colleagueRoles = staff.filter((s) => !DEMO_USERS.some((u) => u.email === s.email)).map((s) => ({ schoolId, personId: s.id, role: 'teacher' }));
    await tx.insert(personRoles).values([...roleRows, ...colleagueRoles]);
    const coordinator = accId(DEMO_COORDINATOR.email);
    if (coordinator) await tx.insert(networkRoles).values({ networkId, accountId: coordinator, role: 'network_coordinator' });
    await audit(tx, { system: 'Demo', schoolId }, { action: 'school.seeded', resourceType: 'school', resourceId: schoolId, summary: DEMO_SCHOOL.name });
  });
  return [
    ...DEMO_USERS.map((u) => ({ email: u.email, role: u.roles.join(', ') })),
    { email: DEMO_COORDINATOR.email, role: 'network_coordinator' },
  ];
}
