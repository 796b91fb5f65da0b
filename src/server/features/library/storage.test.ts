import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryItems } from '../../db/schema/index';
import { contentDisposition } from '../../platform/http';
import { testApp } from '../../test/app';
import { buildPerson, buildSchool } from '../../test/factories';
import { byteRange, cleanFileName, formatSize, ORPHAN_AGE_MS } from '../../platform/files/index';
import { libraryFeature } from './manifest';

const storageDir = await mkdtemp(join(tmpdir(), 'retning-sweep-'));
afterAll(() => rm(storageDir, { recursive: true, force: true }));
const { app, database, config } = await testApp({ config: { storageDir } });
const db = database.db;

describe('the orphan sweep', () => {
  it('removes files no row refers to and abandoned uploads once older than a day, and nothing else', async () => {
    const school = await buildSchool(db);
    const person = await buildPerson(db, school, { roles: ['teacher'] });
    const dir = join(storageDir, school.id);
    await mkdir(dir, { recursive: true });
    await mkdir(join(storageDir, '.incoming'), { recursive: true });
    const [kept, orphanOld, orphanNew, abandoned, inFlight] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.insert(libraryItems).values({ schoolId: school.id, authorId: person.id, kind: 'material', title: 'Guide', fileKey: `${school.id}/${kept}`, fileName: 'g.pdf', fileSize: 4 });
    const old = new Date(Date.now() - ORPHAN_AGE_MS - 60_000);
    const files: [string, boolean][] = [
      [join(dir, kept), true],
      [join(dir, orphanOld), true],
      [join(dir, orphanNew), false],
      [join(dir, 'noter.txt'), true],
      [join(storageDir, '.incoming', abandoned), true],
      [join(storageDir, '.incoming', inFlight), false],
    ];
    for (const [path, aged] of files) {
      await writeFile(path, 'data');
      if (aged) await utimes(path, old, old);
    }
    const job = libraryFeature.jobs?.(app.deps).find((j) => j.name === 'library.file_sweep');
    if (!job) throw new Error('the library has no file sweep job');
    expect(await job.run(new Date())).toEqual({ removed: 2, bytes: 8 });
    expect((await readdir(dir)).sort()).toEqual([kept, orphanNew, 'noter.txt'].sort());
    expect(await readdir(join(storageDir, '.incoming'))).toEqual([inFlight]);
    expect(config.storageDir).toBe(storageDir);
  });
});

describe('file names', () => {
  it('keeps the name as given, NFC, without folders, controls or direction marks', () => {
    expect(cleanFileName('Ærø ødegård.pdf')).toBe('Ærø ødegård.pdf');
    expect(cleanFileName('A\u030Arhus.docx')).toBe('Århus.docx');
    expect(cleanFileName('C:\\Users\\lone\\plan.pdf')).toBe('plan.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('rapport\u202Efdp.exe')).toBe('rapportfdp.exe');
    expect(cleanFileName('linje\r\nto\u0000.txt')).toBe('linjeto.txt');
    expect(cleanFileName('..')).toBe('fil');
    expect(cleanFileName('.skjult')).toBe('skjult');
    expect(cleanFileName('\uD800.txt')).toBe('\uFFFD.txt');
    const long = cleanFileName(`${'æ'.repeat(300)}.pdf`);
    expect([...long].length).toBe(200);
    expect(long.endsWith('æ.pdf')).toBe(true);
  });

  it('names the download for every browser (RFC 6266/5987)', () => {
    expect(contentDisposition('plan.pdf')).toBe('attachment; filename="plan.pdf"');
    expect(contentDisposition('Ærø ødegård.pdf')).toBe(`attachment; filename="AEroe oedegaard.pdf"; filename*=UTF-8''%C3%86r%C3%B8%20%C3%B8deg%C3%A5rd.pdf`);
    expect(contentDisposition('Café "1" (ny)*.pdf')).toBe(`attachment; filename="Cafe _1_ (ny)*.pdf"; filename*=UTF-8''Caf%C3%A9%20%221%22%20%28ny%29%2A.pdf`);
    expect(contentDisposition('日本.txt')).toBe(`attachment; filename="__.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt`);
  });
});

describe('byte ranges and sizes', () => {
  it('answers one satisfiable range and the whole file otherwise', () => {
    expect(byteRange('bytes=0-9', undefined, 100)).toEqual({ start: 0, end: 9 });
    expect(byteRange('bytes=90-', undefined, 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-10', undefined, 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=50-500', undefined, 100)).toEqual({ start: 50, end: 99 });
    for (const h of [undefined, 'bytes=100-', 'bytes=5-2', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-']) expect(byteRange(h, undefined, 100)).toBeNull();
    expect(byteRange('bytes=0-9', '"etag"', 100)).toBeNull();
  });

  it('says sizes as a Danish reader reads them', () => {
    expect(formatSize(5 * 1024 ** 3)).toBe('5 GB');
    expect(formatSize(1.5 * 1024 ** 3)).toBe('1,5 GB');
    expect(formatSize(424 * 1024)).toBe('0,4 MB');
    expect(formatSize(120.7 * 1024 ** 2)).toBe('120 MB');
  });
});
