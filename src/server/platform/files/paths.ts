import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Config } from '../../config';
import type { FileOwner } from './owners';

/**
 * Files on disk (docs/ARCHITECTURE.md, "Files"):
 *   STORAGE_DIR/<school>/<uuid>            a library file (key "<school>/<uuid>")
 *   STORAGE_DIR/<school>/<folder>/<uuid>   another feature's file (key "<school>/<folder>/<uuid>")
 *   ….<variant>                            a copy made from it (a photo's display copy and thumbnail)
 *   STORAGE_DIR/.incoming/<uuid>           an upload being received, moved into place once its transaction has committed
 * One file system for all, so that keeping a file is an atomic rename.
 */
export const INCOMING = '.incoming';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The copies made from a stored file; each lives and goes with the file it was made from. */
export const VARIANTS = ['display', 'thumb'] as const;
export type Variant = (typeof VARIANTS)[number];
/** A stored file's name: its uuid, or its uuid and a variant. */
export const STORED_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\.(display|thumb))?$/i;

/** A new key in the owner's folder of the school. */
export const newKey = (owner: FileOwner, schoolId: string): string => [schoolId, owner.folder, randomUUID()].filter(Boolean).join('/');
/** The key of a copy made from the file under `key`. */
export const variantKey = (key: string, variant: Variant): string => `${key}.${variant}`;
/** A new file in the incoming folder. */
export const incomingPath = (config: Config): string => join(config.storageDir, INCOMING, randomUUID());

/** The path of a stored file; a key that would leave the storage folder is refused. */
export function storedPath(config: Config, key: string): string {
  const root = resolve(config.storageDir);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep) || key.startsWith(INCOMING)) throw new Error(`file key outside the storage folder: ${key}`);
  return path;
}

/** A stored file as a stream of the given byte range (inclusive), or null when the file is not on disk. */
export async function openStoredFile(config: Config, key: string): Promise<{ size: number; path: string; open: (range?: { start: number; end: number }) => ReadStream } | null> {
  const path = storedPath(config, key);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return { size: info.size, path, open: (range) => createReadStream(path, range) };
}
