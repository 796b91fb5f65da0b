import type { Executor } from '../../db/client';

/**
 * A feature that keeps files in the platform's storage. The rows that refer to files are the
 * feature's own, so the feature answers the two questions the storage asks of them: how many bytes
 * the school's files take (the quota counts every owner's), and which keys a row still refers to
 * (a file is removed, by the cleanup after a commit or by the sweep, only when none does).
 */
export type FileOwner = {
  /** The feature's name (one owner per feature). */
  feature: string;
  /**
   * The owner's folder inside each school's folder: keys are "<school>/<folder>/<uuid>". The
   * library's files are "<school>/<uuid>" directly in the school's folder (folder ''), as they were
   * before the storage became the platform's; backups carry those keys.
   */
  folder: string;
  /** What the school's files of this owner take, in bytes, as its rows record it. */
  usedBytes(exec: Executor, schoolId: string): Promise<number>;
  /** Of the given keys, those a row of the school refers to; without keys, every key its rows refer to. */
  referenced(exec: Executor, schoolId: string, keys?: readonly string[]): Promise<Set<string>>;
};

const owners = new Map<string, FileOwner>();
const FOLDER = /^([a-z][a-z0-9-]{0,39})?$/;

/**
 * Declares a feature's files (once, at module load, next to the feature's schema use). The quota
 * and the cleanup count on every owner being declared; a second owner of the same folder is a
 * programming error.
 */
export function defineFileOwner(owner: FileOwner): FileOwner {
  if (!FOLDER.test(owner.folder)) throw new Error(`file owner ${owner.feature}: folder "${owner.folder}" is not a plain lower-case name`);
  for (const other of owners.values()) {
    if (other.feature !== owner.feature && other.folder === owner.folder) throw new Error(`file owners ${other.feature} and ${owner.feature} share the folder "${owner.folder}"`);
  }
  owners.set(owner.feature, owner);
  return owner;
}

/** Takes back an owner that a test declared for its own database; the owners live as long as the process. */
export function forgetFileOwner(owner: FileOwner): void {
  if (owners.get(owner.feature) === owner) owners.delete(owner.feature);
}

/** Every declared owner (the quota sums over them). */
export const fileOwners = (): FileOwner[] => [...owners.values()];
