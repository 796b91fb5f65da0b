import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { audit } from '../../platform/audit';
import { insertProvider, prepareCreate, type ProviderFields } from './providers-commands';
import { linkCounts, listProviders } from './providers-queries';

/** Adds a provider to a school from the admin CLI: the same checks as the administrator's route, audited as the CLI. */
export async function addProviderAsHost(db: Db, config: Config, schoolId: string, fields: ProviderFields): Promise<string> {
  const prepared = await prepareCreate(config, fields);
  const row = await db.transaction((tx) => insertProvider(tx, schoolId, prepared, (e) => audit(tx, { system: 'admin-cli', schoolId }, e)));
  return row.id;
}

/** A school's providers for the CLI's list (never the secret). */
export async function providersOfSchool(db: Db, schoolId: string) {
  const [rows, counts] = await Promise.all([listProviders(db, schoolId), linkCounts(db, schoolId)]);
  return rows.map((p) => ({ id: p.id, kind: p.kind, label: p.label, issuer: p.issuer, active: p.active, links: counts.get(p.id) ?? 0 }));
}
