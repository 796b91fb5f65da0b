import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import type { FileOwner } from './owners';
import { INCOMING, STORED_NAME, storedPath, UUID, VARIANTS, variantKey } from './paths';

/** Files nothing refers to are removed by the sweep only when older than this (an upload in flight is younger). */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes replaced or deleted files (with the copies made from them) once their transaction has
 * committed, each only when no row of the owner refers to it any more. Call it in `afterCommit`.
 * A failure is left to the sweep rather than failing a request whose change has already been made.
 */
export async function removeUnreferenced(exec: Executor, config: Config, owner: FileOwner, schoolId: string, keys: readonly string[]): Promise<number> {
  let removed = 0;
  if (!keys.length) return removed;
  try {
    const still = await owner.referenced(exec, schoolId, keys);
    for (const key of keys) {
      if (still.has(key)) continue;
      for (const k of [key, ...VARIANTS.map((v) => variantKey(key, v))]) await rm(storedPath(config, k), { force: true });
      removed++;
    }
  } catch {
    // the sweep removes it later
  }
  return removed;
}

const entriesOf = (dir: string) => readdir(dir).catch(() => [] as string[]);
const olderThan = async (path: string, cutoff: number) => {
  const info = await stat(path).catch(() => null);
  return info !== null && info.isFile() && info.mtimeMs < cutoff;
};

/**
 * The orphan sweep of one owner (a job of its feature's manifest: at start and then at every
 * interval): uploads left in .incoming by a request that never ended (a crash), and the owner's
 * files (and copies) no row refers to, both only when older than a day. Other folders and names are
 * not the owner's and are left alone.
 */
export async function sweepOrphans(exec: Executor, config: Config, owner: FileOwner, now: Date): Promise<{ removed: number; bytes: number }> {
  const cutoff = now.getTime() - ORPHAN_AGE_MS;
  let removed = 0;
  let bytes = 0;
  const drop = async (path: string) => {
    const info = await stat(path).catch(() => null);
    await rm(path, { force: true });
    removed++;
    bytes += info?.size ?? 0;
  };
  const incoming = join(config.storageDir, INCOMING);
  for (const name of await entriesOf(incoming)) if (UUID.test(name) && (await olderThan(join(incoming, name), cutoff))) await drop(join(incoming, name));
  for (const schoolId of await entriesOf(config.storageDir)) {
    if (!UUID.test(schoolId)) continue;
    const folder = [schoolId, owner.folder].filter(Boolean).join('/');
    const files = (await entriesOf(join(config.storageDir, folder))).filter((f) => STORED_NAME.test(f));
    if (!files.length) continue;
    const keys = await owner.referenced(exec, schoolId);
    for (const f of files) {
      const path = join(config.storageDir, folder, f);
      const base = STORED_NAME.exec(f)?.[1];
      if (!keys.has(`${folder}/${base}`) && (await olderThan(path, cutoff))) await drop(path);
    }
  }
  return { removed, bytes };
}
