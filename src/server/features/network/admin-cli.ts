import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { networkRoles, networks, schools } from '../../db/schema/index';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { ensureAccount, issueToken } from '../auth/api';
import { createSchool } from '../../seed/create-school';

/*
 * What `npm run admin` does with networks (docs/network.md, "CLI"). An installation may host several
 * networks, so a school or a coordinator is always put in a named one; only when there is exactly
 * one may the name be left out. Nothing picks "the first network" silently.
 */

const CLI = 'admin-cli';
/** The CLI as an audit actor; an entry with `networkId` goes to the network's log, so no school is named. */
const cliActor = (schoolId = '') => ({ system: CLI, schoolId });
const isId = (ref: string) => /^[0-9a-f-]{36}$/i.test(ref);

/** A network by name or id; without one, the installation's only network (an error when there are none or several). */
export async function resolveNetwork(db: Db, ref: string | undefined): Promise<{ id: string; name: string }> {
  const rows = ref
    ? await db
        .select({ id: networks.id, name: networks.name })
        .from(networks)
        .where(isId(ref) ? eq(networks.id, ref) : sql`lower(${networks.name}) = ${ref.toLowerCase()}`)
    : await db.select({ id: networks.id, name: networks.name }).from(networks).limit(2);
  const [only] = rows;
  if (rows.length === 1 && only) return only;
  if (ref) throw new AppError(400, 'network_not_found', { vars: { network: ref } });
  // The command and the option are the CLI's own words, given as variables so the texts stay Danish.
  throw new AppError(400, rows.length === 0 ? 'no_network' : 'network_required', { vars: { command: 'create-network --name', option: '--network' } });
}

export async function createNetwork(db: Db, name: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: networks.id }).from(networks).where(sql`lower(${networks.name}) = ${name.toLowerCase()}`);
    if (clash) throw new AppError(409, 'network_exists', { vars: { network: name } });
    const [row] = await tx.insert(networks).values({ name }).returning({ id: networks.id });
    if (!row) throw new Error('network insert returned nothing');
    await audit(tx, cliActor(), { networkId: row.id, action: 'network.created', resourceType: 'network', resourceId: row.id, summary: name });
    return row.id;
  });
}

export async function listNetworks(db: Db) {
  return db
    .select({
      id: networks.id,
      name: networks.name,
      schools: sql<number>`(select count(*)::int from ${schools} s where s.network_id = ${networks.id})`.mapWith(Number),
    })
    .from(networks)
    .orderBy(asc(networks.name));
}

/** A school in the named network, audited in both logs. */
export async function createSchoolIn(db: Db, input: { network: string | undefined; name: string; institutionNumber: string | null }) {
  const network = await resolveNetwork(db, input.network);
  return db.transaction(async (tx) => {
    if (input.institutionNumber) {
      const [clash] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.institutionNumber, input.institutionNumber));
      if (clash) throw new AppError(409, 'institution_number_taken');
    }
    const schoolId = await createSchool(tx, { networkId: network.id, name: input.name, institutionNumber: input.institutionNumber });
    const entry = { resourceType: 'school', resourceId: schoolId, summary: input.name };
    await audit(tx, cliActor(schoolId), { ...entry, action: 'school.created' });
    await audit(tx, cliActor(schoolId), { ...entry, networkId: network.id, action: 'network.school_created' });
    return { schoolId, network };
  });
}

/** Makes the account of the e-mail a coordinator of the named network and issues its invitation token. */
export async function addCoordinator(db: Db, input: { network: string | undefined; email: string }) {
  const network = await resolveNetwork(db, input.network);
  const token = await db.transaction(async (tx) => {
    const accountId = await ensureAccount(tx, input.email, 'da');
    await tx.insert(networkRoles).values({ networkId: network.id, accountId, role: 'network_coordinator' }).onConflictDoNothing();
    await audit(tx, cliActor(), {
      networkId: network.id,
      action: 'network.coordinator_invited',
      resourceType: 'account',
      resourceId: accountId,
      summary: input.email,
    });
    return issueToken(tx, { kind: 'invite', accountId, schoolId: null, createdBy: null });
  });
  return { token, network };
}

/** The schools of one network, or of every network. */
export async function listSchoolsIn(db: Db, networkRef: string | undefined) {
  const network = networkRef ? await resolveNetwork(db, networkRef) : null;
  return db
    .select({
      id: schools.id,
      name: schools.name,
      institutionNumber: schools.institutionNumber,
      archived: sql<boolean>`${schools.archivedAt} is not null`,
      network: networks.name,
    })
    .from(schools)
    .innerJoin(networks, eq(networks.id, schools.networkId))
    .where(network ? eq(schools.networkId, network.id) : undefined)
    .orderBy(networks.name, schools.name);
}
