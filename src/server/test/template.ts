import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openPglite, type Database, type Db } from '../db/client';

/**
 * Creates and migrates an embedded database, lets `fill` add to it, and writes it to `path` as the
 * uncompressed tar that PGlite loads (`loadDataDir`). A fresh database costs several seconds (initdb
 * inside WebAssembly, then the migrations); loading the copy, about one.
 */
export async function writeTemplate(path: string, fill?: (db: Db) => Promise<unknown>): Promise<void> {
  const database = openPglite(undefined);
  await database.migrate();
  await fill?.(database.db);
  const client = database.client;
  if (!client) throw new Error('PGlite client not exposed');
  const dump = await client.dumpDataDir('none');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

/** A fresh in-process embedded database holding a copy of the template at `path`. */
export async function openTemplateCopy(path: string): Promise<Database> {
  const database = openPglite(undefined, new Blob([readFileSync(path)]));
  await database.client?.waitReady;
  return database;
}
