import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { eq } from 'drizzle-orm';
import { accounts, departments, networkRoles, networks, people, personRoles } from '../db/schema/index';
import type { SchoolRole } from '../../shared/roles';
import { hashPassword } from '../platform/passwords';
import { createSchool, ensureNetworkNamed } from '../seed/create-school';

export const TEST_PASSWORD = 'korrekt-hest-batteri';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

const unique = () => randomUUID().slice(0, 8);

export type BuiltSchool = { id: string; networkId: string; name: string; departments: { id: string; name: string }[] };

async function networkNamed(db: Db, name: string): Promise<string> {
  const [found] = await db.select({ id: networks.id }).from(networks).where(eq(networks.name, name));
  if (found) return found.id;
  const [created] = await db.insert(networks).values({ name }).returning({ id: networks.id });
  if (!created) throw new Error('network insert returned nothing');
  return created.id;
}

/** A school with departments, in the real database. */
export async function buildSchool(db: Db, opts: { name?: string; departments?: string[]; network?: string } = {}): Promise<BuiltSchool> {
  // Tests that read a whole network give it a name of its own: on a shared PostgreSQL database every other test file's schools sit in the first network.
  const networkId = opts.network ? await networkNamed(db, opts.network) : await ensureNetworkNamed(db, 'Testnetværk');
  const name = opts.name ?? `Testskole ${unique()}`;
  const id = await createSchool(db, { networkId, name, institutionNumber: null });
  const names = opts.departments ?? ['Bygge og Anlæg', 'Handel og Kontor'];
  const depts = names.length
    ? await db
        .insert(departments)
        .values(names.map((n) => ({ schoolId: id, name: n })))
        .returning({ id: departments.id, name: departments.name })
    : [];
  return { id, networkId, name, departments: depts };
}

export type BuiltPerson = { id: string; accountId: string | null; email: string; name: string; schoolId: string; departmentId: string | null };

/** A person in a school, with roles and (unless `account: false`) a sign-in account with TEST_PASSWORD. */
export async function buildPerson(
  db: Db,
  school: BuiltSchool,
  opts: { roles?: SchoolRole[]; departmentId?: string | null; name?: string; email?: string; account?: boolean; active?: boolean } = {},
): Promise<BuiltPerson> {
  const email = opts.email ?? `person-${unique()}@test.example`;
  let accountId: string | null = null;
  if (opts.account !== false) {
    const [acc] = await db.insert(accounts).values({ email, passwordHash: await passwordHash() }).returning({ id: accounts.id });
    accountId = acc?.id ?? null;
  }
  const [p] = await db
    .insert(people)
    .values({
      schoolId: school.id,
      accountId,
      name: opts.name ?? `Person ${unique()}`,
      email,
      departmentId: opts.departmentId === undefined ? (school.departments[0]?.id ?? null) : opts.departmentId,
      active: opts.active ?? true,
    })
    .returning();
  if (!p) throw new Error('person insert failed');
  if (opts.roles?.length) await db.insert(personRoles).values(opts.roles.map((role) => ({ schoolId: school.id, personId: p.id, role })));
  return { id: p.id, accountId, email, name: p.name, schoolId: school.id, departmentId: p.departmentId };
}

/** A network coordinator account (no school). */
export async function buildCoordinator(db: Db, networkId: string): Promise<{ email: string; accountId: string }> {
  const email = `koordinator-${unique()}@test.example`;
  const [acc] = await db.insert(accounts).values({ email, passwordHash: await passwordHash() }).returning({ id: accounts.id });
  if (!acc) throw new Error('account insert failed');
  await db.insert(networkRoles).values({ networkId, accountId: acc.id, role: 'network_coordinator' });
  return { email, accountId: acc.id };
}
