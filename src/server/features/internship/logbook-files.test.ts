import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { logbookFiles } from '../../db/schema/index';
import { ORPHAN_AGE_MS, storedPath } from '../../platform/files/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';
import { entryOf, placementOf, teamOf } from './logbook-fixtures';
import { internshipFeature } from './manifest';

const storageDir = mkdtempSync(join(tmpdir(), 'retning-logbook-'));
const LIMIT = 300 * 1024;
const { app, database, config } = await testApp({ config: { storageDir, uploadLimitBytes: LIMIT } });
const db = database.db;
const today = todayInCopenhagen();
const API = '/api/v1/internship/logbook';
const raw = { 'content-type': 'application/octet-stream' };

let school: BuiltSchool;
let student: BuiltPerson;
let entryId: string;
let me: TestClient;
let teacher: TestClient;
let classmate: TestClient;
let foreignAdmin: TestClient;

/** A photo as a phone takes it: camera make, copyright and a GPS position in its EXIF, turned by its orientation. */
const phonePhoto = () =>
  sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#8a5a2b' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Fjordkamera', Copyright: 'Privat hjemmeadresse' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 56/1' },
    })
    .toBuffer();

/** Every file under the school's logbook folder and the incoming folder. */
const filesOnDisk = () => {
  const list = (dir: string) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return [...list(join(storageDir, school.id, 'logbook')), ...list(join(storageDir, '.incoming'))];
};

beforeAll(async () => {
  school = await buildSchool(db);
  const other = await buildSchool(db);
  student = await buildPerson(db, school, { roles: ['student'] });
  const t = await buildPerson(db, school, { roles: ['teacher'] });
  await teamOf(db, school.id, [t.id, student.id]);
  entryId = await entryOf(db, school.id, student.id, await placementOf(db, school.id, student.id, null, today, 10), today);
  me = await signIn(app, student.email);
  teacher = await signIn(app, t.email);
  classmate = await signIn(app, (await buildPerson(db, school, { roles: ['student'] })).email);
  foreignAdmin = await signIn(app, (await buildPerson(db, other, { roles: ['school_admin'] })).email);
});

describe('photos', () => {
  it('serves only a copy without EXIF or GPS, resized and as an inline image with nosniff; the private original keeps them and is never served', async () => {
    const res = await me.post(`${API}/entries/${entryId}/photos?name=tag.jpg`, await phonePhoto(), raw);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json().files[0];
    expect(file).toMatchObject({ kind: 'photo', fileName: 'tag.jpg', width: 1600, height: 800 });
    const shown = await teacher.get(file.url);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    expect(shown.headers['content-disposition']).toBe('inline');
    const served = await sharp(shown.rawPayload).metadata();
    expect(served.exif).toBeUndefined();
    expect(shown.rawPayload.includes(Buffer.from('Fjordkamera'))).toBe(false);
    // the stored copies read back from the storage: no metadata; the original alone still has it
    const [row] = await db.select().from(logbookFiles).where(sql`${logbookFiles.entryId} = ${entryId}`);
    if (!row?.displayKey || !row.thumbKey) throw new Error('the photo has no copies');
    for (const key of [row.displayKey, row.thumbKey]) {
      const stored = await readFile(storedPath(config, key));
      expect((await sharp(stored).metadata()).exif).toBeUndefined();
      expect(stored.includes(Buffer.from('Fjordkamera'))).toBe(false);
    }
    expect((await sharp(await readFile(storedPath(config, row.originalKey))).metadata()).exif).toBeDefined();
    const thumb = await teacher.get(file.thumbUrl);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(400);
    expect((await teacher.get(`${API}/files/${file.id}?variant=original`)).statusCode).toBe(422);
    // only those who see the student's logbook
    expect((await classmate.get(file.url)).statusCode).toBe(404);
    expect((await foreignAdmin.get(file.url)).statusCode).toBe(404);
    expect((await teacher.delete(`${API}/files/${file.id}`)).statusCode).toBe(403);
    expect((await me.delete(`${API}/files/${file.id}`)).statusCode).toBe(204);
    expect(filesOnDisk()).toEqual([]);
  });

  it('a file whose content is not an image is 422, whatever its name; a video that is not one is 415', async () => {
    const text = await me.post(`${API}/entries/${entryId}/photos?name=foto.jpg`, Buffer.from('<html><script>alert(1)</script></html>'), raw);
    expect(text.statusCode).toBe(422);
    expect(text.json().errors[0].field).toBe('file');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    expect((await me.post(`${API}/entries/${entryId}/photos?name=foto.jpg`, pdf, raw)).statusCode).toBe(422);
    const video = await me.post(`${API}/entries/${entryId}/videos?name=film.mp4`, pdf, raw);
    expect(video.statusCode).toBe(415);
    expect(filesOnDisk()).toEqual([]);
  });

  it('over the upload limit is 413 and leaves nothing behind', async () => {
    const big = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .png()
      .toBuffer();
    expect(big.length).toBeGreaterThan(LIMIT);
    const res = await me.post(`${API}/entries/${entryId}/photos?name=stor.png`, big, raw);
    expect(res.statusCode).toBe(413);
    expect(filesOnDisk()).toEqual([]);
  });

  it('a transaction that fails after the upload leaves no file', async () => {
    await db.execute(sql`create or replace function logbook_test_fail() returns trigger language plpgsql as $$
      begin if new.file_name = 'fejl.jpg' then raise exception 'test failure'; end if; return new; end $$`);
    await db.execute(sql`create trigger logbook_test_fail before insert on logbook_files for each row execute function logbook_test_fail()`);
    const res = await me.post(`${API}/entries/${entryId}/photos?name=fejl.jpg`, await phonePhoto(), raw);
    expect(res.statusCode).toBe(500);
    expect(filesOnDisk()).toEqual([]);
    expect((await me.get(`${API}/entries/${entryId}`)).json().files).toEqual([]);
    await db.execute(sql`drop trigger logbook_test_fail on logbook_files`);
  });

  it('a video is stored as it is and served only to those who see the logbook', async () => {
    const mp4 = Buffer.concat([Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2mp41', 'latin1'), Buffer.alloc(2000, 1)]);
    const res = await me.post(`${API}/entries/${entryId}/videos?name=film.mp4`, mp4, raw);
    expect(res.statusCode, res.body).toBe(201);
    const video = res.json().files.find((f: { kind: string }) => f.kind === 'video');
    const got = await teacher.get(video.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('video/mp4');
    expect(got.rawPayload.equals(mp4)).toBe(true);
    expect((await classmate.get(video.url)).statusCode).toBe(404);
    expect((await me.delete(`${API}/entries/${entryId}`)).statusCode).toBe(204);
    expect(filesOnDisk()).toEqual([]);
  });

  it("the feature's sweep removes a day-old file no row refers to and keeps the entries' files", async () => {
    const entry = await entryOf(db, school.id, student.id, await placementOf(db, school.id, student.id, null, addDays(today, 20), 5), addDays(today, 20));
    const kept = await me.post(`${API}/entries/${entry}/photos?name=tag.jpg`, await phonePhoto(), raw);
    expect(kept.statusCode, kept.body).toBe(201);
    const stray = join(storageDir, school.id, 'logbook', randomUUID());
    await writeFile(stray, 'left by a process that died');
    const dayAgo = new Date(Date.now() - ORPHAN_AGE_MS - 60_000);
    await utimes(stray, dayAgo, dayAgo);
    const before = filesOnDisk().length;
    const sweep = internshipFeature.jobs?.({ config, database, mailer: app.deps.mailer }).find((j) => j.name === 'internship.file_sweep');
    await sweep?.run(new Date());
    expect(existsSync(stray)).toBe(false);
    expect(filesOnDisk()).toHaveLength(before - 1);
    expect(filesOnDisk().length).toBeGreaterThanOrEqual(3);
  });
});
