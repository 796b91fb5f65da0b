import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { networks, schools } from '../db/schema/index';

export const DEFAULT_SETTINGS = { defaultLocale: 'da' as const, schoolYearStartMonth: 8 };

/**
 * The network of this name, created on first use (the demo's and the tests' network). An
 * installation may host several networks, so nothing here picks "the first" one: the caller names it.
 */
export async function ensureNetworkNamed(exec: Executor, name: string): Promise<string> {
  const [existing] = await exec.select({ id: networks.id }).from(networks).where(eq(networks.name, name)).orderBy(networks.createdAt).limit(1);
  if (existing) return existing.id;
  const [created] = await exec.insert(networks).values({ name }).returning({ id: networks.id });
  if (!created) throw new Error('network insert returned nothing');
  return created.id;
}

export async function createSchool(exec: Executor, input: { networkId: string; name: string; institutionNumber: string | null }): Promise<string> {
  const [row] = await exec
    .insert(schools)
    .values({ networkId: input.networkId, name: input.name, institutionNumber: input.institutionNumber, settings: DEFAULT_SETTINGS })
    .returning({ id: schools.id });
  if (!row) throw new Error('school insert returned nothing');
  return row.id;
}

export async function isEmpty(exec: Executor): Promise<boolean> {
  const res = await exec.execute(sql`select exists (select 1 from ${networks}) as any`);
  const row = (res as unknown as { rows: { any: boolean }[] }).rows[0];
  return !row?.any;
}
