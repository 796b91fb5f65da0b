import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { libraryItems, schools } from '../../db/schema/index';
import { AppError } from '../../platform/errors';

const MB = 1024 * 1024;

/** A school's storage: its quota (the school's setting, else the host's STORAGE_QUOTA_MB) and what its files take. */
export type Storage = { quotaBytes: number; usedBytes: number };
/** The room one upload has: the quota, and what is left when the file it replaces is counted as gone. */
export type Space = { quotaBytes: number; leftBytes: number };

const quotaOf = (config: Config, quotaMb: number | undefined) => (quotaMb ? quotaMb * MB : config.storageQuotaBytes);

async function usedBytes(exec: Executor, schoolId: string): Promise<number> {
  const [row] = await exec
    .select({ used: sql<string | number | null>`sum(${libraryItems.fileSize})` })
    .from(libraryItems)
    .where(and(eq(libraryItems.schoolId, schoolId), isNotNull(libraryItems.fileKey)));
  return Number(row?.used ?? 0);
}

/** The school's quota and use, for the school's settings page. */
export async function storageOf(exec: Executor, config: Config, schoolId: string): Promise<Storage> {
  const [school] = await exec.select({ settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  return { quotaBytes: quotaOf(config, school?.settings.storageQuotaMb), usedBytes: await usedBytes(exec, schoolId) };
}

/**
 * The room for a new file of an item that now holds `replacedBytes`. With `lock`, the school's row
 * is locked for the rest of the transaction, so that two uploads cannot both take the last space.
 */
export async function spaceFor(exec: Executor, config: Config, schoolId: string, replacedBytes: number, lock = false): Promise<Space> {
  const query = exec.select({ settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  const [school] = lock ? await query.for('update') : await query;
  const quotaBytes = quotaOf(config, school?.settings.storageQuotaMb);
  return { quotaBytes, leftBytes: quotaBytes - (await usedBytes(exec, schoolId)) + replacedBytes };
}

/** A size as the school reads it: "5 GB", "1,5 GB", "120 MB", "0,4 MB" (Danish decimal comma). */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * MB ? [bytes / 1024 / MB, 'GB'] : [bytes / MB, 'MB'];
  const shown = value >= 100 || Number.isInteger(value) ? Math.floor(value).toString() : (Math.floor(value * 10) / 10).toString().replace('.', ',');
  return `${shown} ${unit}`;
}

/** 413 naming the school's quota and the space left. */
export const quotaExceeded = (space: Space) => {
  const vars = { quota: formatSize(space.quotaBytes), left: formatSize(Math.max(0, space.leftBytes)) };
  return new AppError(413, 'storage_quota_exceeded', { vars, fields: [{ field: 'file', key: 'library.validation.storage_quota_exceeded', vars }] });
};
