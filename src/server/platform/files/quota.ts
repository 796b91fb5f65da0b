import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { schools } from '../../db/schema/index';
import { AppError } from '../errors';
import { fileOwners } from './owners';

const MB = 1024 * 1024;

/** A school's storage: its quota (the school's setting, else the host's STORAGE_QUOTA_MB) and what its files take. */
export type Storage = { quotaBytes: number; usedBytes: number };
/** The room one upload has: the quota, and what is left when the file it replaces is counted as gone. */
export type Space = { quotaBytes: number; leftBytes: number };

const quotaOf = (config: Config, quotaMb: number | undefined) => (quotaMb ? quotaMb * MB : config.storageQuotaBytes);

/** What the school's files take: the sum over every feature that keeps files (owners.ts). */
async function usedBytes(exec: Executor, schoolId: string): Promise<number> {
  let used = 0;
  for (const owner of fileOwners()) used += await owner.usedBytes(exec, schoolId);
  return used;
}

/** The school's quota and use, for the school's settings page. */
export async function storageOf(exec: Executor, config: Config, schoolId: string): Promise<Storage> {
  const [school] = await exec.select({ settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  return { quotaBytes: quotaOf(config, school?.settings.storageQuotaMb), usedBytes: await usedBytes(exec, schoolId) };
}

/**
 * The room for a new file where the files it replaces hold `replacedBytes`. With `lock`, the
 * school's row is locked for the rest of the transaction, so that two uploads (of any feature)
 * cannot both take the last space.
 */
export async function spaceFor(exec: Executor, config: Config, schoolId: string, replacedBytes: number, lock = false): Promise<Space> {
  const query = exec.select({ settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  const [school] = lock ? await query.for('update') : await query;
  const quotaBytes = quotaOf(config, school?.settings.storageQuotaMb);
  return { quotaBytes, leftBytes: quotaBytes - (await usedBytes(exec, schoolId)) + replacedBytes };
}

/**
 * In the transaction that records a received file: locks the school's row and checks the quota
 * again against the file's real size (413 when it no longer fits).
 */
export async function ensureSpace(tx: Executor, config: Config, schoolId: string, bytes: number, replacedBytes = 0, field = 'file'): Promise<void> {
  const space = await spaceFor(tx, config, schoolId, replacedBytes, true);
  if (bytes > space.leftBytes) throw quotaExceeded(space, field);
}

/** A size as the school reads it: "5 GB", "1,5 GB", "120 MB", "0,4 MB" (Danish decimal comma). */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * MB ? [bytes / 1024 / MB, 'GB'] : [bytes / MB, 'MB'];
  const shown = value >= 100 || Number.isInteger(value) ? Math.floor(value).toString() : (Math.floor(value * 10) / 10).toString().replace('.', ',');
  return `${shown} ${unit}`;
}

/** 413 naming the school's quota and the space left. */
export const quotaExceeded = (space: Space, field = 'file') => {
  const vars = { quota: formatSize(space.quotaBytes), left: formatSize(Math.max(0, space.leftBytes)) };
  return new AppError(413, 'storage_quota_exceeded', { vars, fields: [{ field, key: 'validation.storage_quota_exceeded', vars }] });
};
