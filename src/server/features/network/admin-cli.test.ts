import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, networkAuditEvents, networkRoles, schools } from '../../db/schema/index';
import { testDatabase } from '../../test/database';
import { addCoordinator, createNetwork, createSchoolIn, listNetworks, listSchoolsIn, resolveNetwork } from './admin-cli';

// A database of its own: the "exactly one network" rule needs an installation no other test fills.
const database = await testDatabase({ embedded: true });
const db = database.db;

const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);

describe('npm run admin: networks', () => {
  it('never picks a network silently: none, one, several', async () => {
    expect(await code(resolveNetwork(db, undefined))).toBe('no_network');
    const first = await createNetwork(db, 'Nordnet');
    expect((await resolveNetwork(db, undefined)).id).toBe(first);
    expect(await code(createNetwork(db, 'NORDNET'))).toBe('network_exists');
    const second = await createNetwork(db, 'Sydnet');
    expect(await code(resolveNetwork(db, undefined))).toBe('network_required');
    expect((await resolveNetwork(db, 'sydnet')).id).toBe(second);
    expect((await resolveNetwork(db, second)).name).toBe('Sydnet');
    expect(await code(resolveNetwork(db, 'Vestnet'))).toBe('network_not_found');
    expect((await listNetworks(db)).map((n) => n.name)).toEqual(['Nordnet', 'Sydnet']);
    const log = await db.select().from(networkAuditEvents).where(eq(networkAuditEvents.networkId, first));
    expect(log.map((e) => e.action)).toEqual(['network.created']);
  });

  it('creates schools and coordinators in the named network, audited, and lists schools per network', async () => {
    const number = String(100000 + Math.floor(Math.random() * 899999));
    expect(await code(createSchoolIn(db, { network: undefined, name: 'Uden net', institutionNumber: null }))).toBe('network_required');
    const { schoolId, network } = await createSchoolIn(db, { network: 'Sydnet', name: 'Sydskolen', institutionNumber: number });
    expect(network.name).toBe('Sydnet');
    expect(await code(createSchoolIn(db, { network: 'Sydnet', name: 'Tvilling', institutionNumber: number }))).toBe('institution_number_taken');
    const [row] = await db.select().from(schools).where(eq(schools.id, schoolId));
    expect(row?.networkId).toBe(network.id);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.schoolId, schoolId))).map((e) => e.action)).toEqual(['school.created']);
    expect((await listSchoolsIn(db, 'Sydnet')).map((s) => s.name)).toEqual(['Sydskolen']);
    expect(await listSchoolsIn(db, 'Nordnet')).toEqual([]);

    const email = `cli-${randomUUID().slice(0, 8)}@net.example`;
    const added = await addCoordinator(db, { network: 'Nordnet', email });
    expect(added.token).toMatch(/\S{20,}/);
    const roles = await db.select().from(networkRoles).where(eq(networkRoles.networkId, added.network.id));
    expect(roles).toHaveLength(1);
    expect(await code(addCoordinator(db, { network: undefined, email }))).toBe('network_required');
  });
});
