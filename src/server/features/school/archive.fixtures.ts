import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { inject } from 'vitest';
import { openPglite, type Database } from '../../db/client';
import type { Manifest } from './archive';

/** Tests: an export archive read whole into memory (small schools only), entries in their order. */
export async function readArchive(archive: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const extract = tar.extract();
  const feeding = pipeline(Readable.from([archive]), createGunzip(), extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.set(entry.header.name, Buffer.concat(chunks));
  }
  await feeding;
  return entries;
}

/** Tests: an archive written back from entries (to damage one on purpose). */
export async function writeArchive(entries: Map<string, Buffer>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of entries) pack.entry({ name, size: content.length }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return gzipSync(Buffer.concat(chunks));
}

export const manifestOf = (entries: Map<string, Buffer>) => JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? 'null') as Manifest;
export const linesOf = (entries: Map<string, Buffer>, table: string) =>
  (entries.get(`tables/${table}.jsonl`)?.toString('utf8') ?? '').split('\n').filter((l) => l.length > 0);

/** An empty, migrated embedded database of its own (also in the PostgreSQL run, whose test database is shared). */
export async function freshPglite(): Promise<Database> {
  const templatePath = inject('templatePath');
  if (templatePath) {
    const database = openPglite(undefined, new Blob([readFileSync(templatePath)]));
    await database.client?.waitReady;
    return database;
  }
  const database = openPglite(undefined);
  await database.migrate();
  return database;
}
