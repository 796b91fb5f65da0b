import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../db/raw';
import { schools } from '../../db/schema/index';
import { signIn } from '../../test/client';
import { testApp } from '../../test/app';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { AppError } from '../errors';
import { acceptVideos, defineFileOwner, forgetFileOwner, ensureSpace, ORPHAN_AGE_MS, serveFile, spaceFor, storageOf, storeFile, storePhoto, sweepOrphans } from './index';

const storageDir = await mkdtemp(join(tmpdir(), 'retning-platform-files-'));
afterAll(() => rm(storageDir, { recursive: true, force: true }));
const { app, database, config } = await testApp({ config: { storageDir } });
const db = database.db;

// A second feature that keeps photos, with a table of its own: the quota and the cleanup must count it beside the library.
await db.execute(sql`create table if not exists files_test_photos (school_id uuid not null, key text not null, bytes bigint not null)`);
const photos = defineFileOwner({
  feature: 'files-test',
  folder: 'files-test',
  usedBytes: async (exec, schoolId) =>
    Number((await rawQuery<{ used: string | null }>(exec, sql`select sum(bytes) as used from files_test_photos where school_id = ${schoolId}`))[0]?.used ?? 0),
  referenced: async (exec, schoolId, keys) => {
    const rows = await rawQuery<{ key: string }>(exec, sql`select key from files_test_photos where school_id = ${schoolId}`);
    return new Set(rows.map((r) => r.key).filter((k) => !keys || keys.includes(k)));
  },
});
// The test files of a worker share one process: the next file's database has no such table.
afterAll(() => forgetFileOwner(photos));

/** The way the route kernel runs an upload route: receive, the transaction, keep after the commit, discard at the end. */
const harness = Fastify();
await harness.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1 } });
harness.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
harness.setErrorHandler((e, _req, reply) =>
  e instanceof AppError ? reply.code(e.status).send({ code: e.code, errors: e.options.fields ?? [] }) : reply.code(500).send({ code: 'internal' }),
);
harness.post('/photo', async (req) => {
  const q = req.query as { school: string; fail?: string; field?: string };
  const upload = await storePhoto(req, config, { owner: photos, schoolId: q.school, space: await spaceFor(db, config, q.school, 0), field: q.field });
  try {
    await db.transaction(async (tx) => {
      await ensureSpace(tx, config, q.school, upload.totalBytes);
      await tx.execute(sql`insert into files_test_photos (school_id, key, bytes) values (${q.school}, ${upload.key}, ${upload.totalBytes})`);
      if (q.fail) throw new Error('the transaction fails');
    });
    await upload.keep();
    const { key, displayKey, thumbKey, width, height, totalBytes, displayMime } = upload;
    return { key, displayKey, thumbKey, width, height, totalBytes, displayMime };
  } finally {
    await upload.discard();
  }
});
harness.post('/video', async (req) => {
  const q = req.query as { school: string };
  const upload = await storeFile(req, config, { owner: photos, schoolId: q.school, space: await spaceFor(db, config, q.school, 0), accept: acceptVideos });
  try {
    await db.transaction((tx) => tx.execute(sql`insert into files_test_photos (school_id, key, bytes) values (${q.school}, ${upload.key}, ${upload.size})`));
    await upload.keep();
    return { key: upload.key, mime: upload.mime };
  } finally {
    await upload.discard();
  }
});
harness.get('/file', async (req, reply) => {
  const q = req.query as { key: string; inline?: string };
  return serveFile(req, reply, config, q.key, q.inline ? { as: 'inline-image', name: 'foto' } : { as: 'attachment', name: 'foto.jpg', mime: 'image/jpeg' });
});
await harness.ready();
afterAll(() => harness.close());

const send = (schoolId: string, body: Buffer, extra = '') =>
  harness.inject({ method: 'POST', url: `/photo?school=${schoolId}${extra}`, payload: body, headers: { 'content-type': 'application/octet-stream' } });
const incoming = () => readdir(join(storageDir, '.incoming')).catch(() => [] as string[]);
const folderOf = (schoolId: string) => readdir(join(storageDir, schoolId, 'files-test')).catch(() => [] as string[]);
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Lone Hansen</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';

/** A phone-like JPEG: landscape pixels with EXIF orientation 6 (shown as portrait), camera and GPS EXIF, an XMP packet and a P3 ICC profile. */
async function phoneJpeg(width = 2400, height = 1800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([{ input: { create: { width: width / 2, height: height / 2, channels: 3, background: { r: 230, g: 80, b: 20 } } }, left: 0, top: 0 }])
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Telefon', Model: 'Model 12', Copyright: 'Lone Hansen' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 0/1' },
    })
    .withXmp(XMP)
    .withIccProfile('p3')
    .jpeg({ quality: 90 })
    .toBuffer();
}

let school: BuiltSchool;
beforeAll(async () => {
  school = await buildSchool(db);
});

describe('photos', () => {
  it('keeps the original private and serves a display copy and a thumbnail rotated upright with every metadata removed', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect([before.orientation, Boolean(before.exif), Boolean(before.xmp), Boolean(before.icc)]).toEqual([6, true, true, true]);

    const res = await send(school.id, original);
    expect(res.statusCode, res.body).toBe(200);
    const stored = res.json() as { key: string; displayKey: string; thumbKey: string; width: number; height: number; totalBytes: number; displayMime: string };
    expect(stored).toMatchObject({ width: 1200, height: 1600, displayMime: 'image/jpeg' });
    expect(stored.key.startsWith(`${school.id}/files-test/`)).toBe(true);
    expect(await readFile(join(storageDir, stored.key))).toEqual(original);

    for (const [key, longSide] of [[stored.displayKey, 1600], [stored.thumbKey, 400]] as const) {
      const bytes = await readFile(join(storageDir, key));
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(longSide);
      expect(meta.height).toBeGreaterThan(meta.width ?? 0);
      expect([meta.exif, meta.xmp, meta.icc, meta.iptc, meta.orientation, meta.comments]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
      expect(bytes.includes('Exif\0\0')).toBe(false);
      expect(bytes.includes('adobe:ns:meta')).toBe(false);
      expect(bytes.includes('Lone Hansen')).toBe(false);
      expect(bytes.includes('ICC_PROFILE')).toBe(false);
    }
    // the top-left (orange) quarter of the landscape pixels is the top-right after the quarter turn
    const { data } = await sharp(join(storageDir, stored.displayKey)).extract({ left: 1100, top: 50, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(180);
    const files = await folderOf(school.id);
    expect(files.sort()).toEqual([stored.key, stored.displayKey, stored.thumbKey].map((k) => k.split('/').pop()).sort());
    expect(await incoming()).toEqual([]);
  });

  it('refuses an "image" whose content is not an image, naming the field, and keeps nothing', async () => {
    const before = await folderOf(school.id);
    const cases: [string, Buffer][] = [
      ['pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n')],
      ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>')],
      ['text', Buffer.from('ikke et billede')],
      ['broken jpeg', Buffer.concat([(await phoneJpeg(400, 300)).subarray(0, 600), Buffer.alloc(4000, 7)])],
    ];
    for (const [name, body] of cases) {
      const res = await send(school.id, body, '&field=photo');
      expect(res.statusCode, name).toBe(422);
      expect(res.json().errors, name).toEqual([{ field: 'photo', key: 'validation.not_an_image' }]);
    }
    expect(await folderOf(school.id)).toEqual(before);
    expect(await incoming()).toEqual([]);
  });

  it('a failed transaction leaves no file on disk: neither the original nor its copies', async () => {
    const fresh = await buildSchool(db);
    const res = await send(fresh.id, await phoneJpeg(800, 600), '&fail=1');
    expect(res.statusCode).toBe(500);
    expect(await folderOf(fresh.id)).toEqual([]);
    expect(await incoming()).toEqual([]);
    expect(await rawQuery(db, sql`select key from files_test_photos where school_id = ${fresh.id}`)).toEqual([]);
  });

  it('serves a copy inline only when its content is an image, with nosniff; anything else as an attachment', async () => {
    const res = await send(school.id, await phoneJpeg(800, 600));
    const { displayKey, key } = res.json() as { displayKey: string; key: string };
    const inline = await harness.inject({ url: `/file?inline=1&key=${encodeURIComponent(displayKey)}` });
    expect(inline.statusCode).toBe(200);
    expect(inline.headers).toMatchObject({ 'content-type': 'image/jpeg', 'content-disposition': 'inline', 'x-content-type-options': 'nosniff' });
    expect((await sharp(inline.rawPayload).metadata()).format).toBe('jpeg');
    const html = `${school.id}/files-test/${randomUUID()}`;
    await writeFile(join(storageDir, html), '<html><script>alert(1)</script></html>');
    const refused = await harness.inject({ url: `/file?inline=1&key=${encodeURIComponent(html)}` });
    expect(refused.headers['content-type']).toBe('application/octet-stream');
    expect(refused.headers['content-disposition']).toMatch(/^attachment/);
    const range = await harness.inject({ url: `/file?key=${encodeURIComponent(key)}`, headers: { range: 'bytes=0-9' } });
    expect([range.statusCode, range.rawPayload.length]).toEqual([206, 10]);
    await rm(join(storageDir, html));
  });
});

describe('other images and videos', () => {
  it('gives an image with transparency a WebP display copy that keeps it', async () => {
    const png = await sharp({ create: { width: 2000, height: 1000, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const res = await send(school.id, png);
    expect(res.json()).toMatchObject({ displayMime: 'image/webp', width: 1600, height: 800 });
    const meta = await sharp(join(storageDir, res.json().displayKey)).metadata();
    expect([meta.format, meta.hasAlpha]).toEqual(['webp', true]);
  });

  it('stores MP4, WebM and QuickTime videos as they are, by their content, and refuses anything else', async () => {
    const pad = Buffer.alloc(5000, 1);
    const videos: [string, Buffer][] = [
      ['video/mp4', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(4), Buffer.from('mp42isom'), pad])],
      ['video/quicktime', Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  '), Buffer.alloc(4), Buffer.from('qt  '), pad])],
      ['video/webm', Buffer.concat([Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282', 'hex'), Buffer.from([0x84]), Buffer.from('webm'), Buffer.from('4287810442858102', 'hex'), pad])],
    ];
    for (const [mime, body] of videos) {
      const res = await harness.inject({ method: 'POST', url: `/video?school=${school.id}`, payload: body, headers: { 'content-type': 'application/octet-stream' } });
      expect(res.json().mime, mime).toBe(mime);
      expect(await readFile(join(storageDir, res.json().key))).toEqual(body);
    }
    const jpeg = await harness.inject({ method: 'POST', url: `/video?school=${school.id}`, payload: await phoneJpeg(400, 300), headers: { 'content-type': 'application/octet-stream' } });
    expect([jpeg.statusCode, jpeg.json().code]).toEqual([415, 'file_type_forbidden']);
  });
});

describe('one quota over every feature', () => {
  it("counts the photos and the library's files together: each refuses what the other has filled", async () => {
    const full = await buildSchool(db);
    const [row] = await db.select().from(schools).where(eq(schools.id, full.id));
    if (!row) throw new Error('no school');
    await db.update(schools).set({ settings: { ...row.settings, storageQuotaMb: 1 } }).where(eq(schools.id, full.id));
    await db.execute(sql`insert into files_test_photos (school_id, key, bytes) values (${full.id}, ${`${full.id}/files-test/${randomUUID()}`}, ${900 * 1024})`);
    expect(await storageOf(db, config, full.id)).toEqual({ quotaBytes: 1024 * 1024, usedBytes: 900 * 1024 });

    const teacher = await signIn(app, (await buildPerson(db, full, { roles: ['teacher'] })).email);
    const created = await teacher.post('/api/v1/library/items', { kind: 'material', title: 'Guide', materialType: 'document' });
    expect(created.statusCode, created.body).toBe(201);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024, 32), Buffer.from('\n%%EOF\n')]);
    const upload = await teacher.request('POST', `/api/v1/library/items/${created.json().id}/file?name=guide.pdf`, pdf, { 'content-type': 'application/octet-stream' });
    expect(upload.statusCode).toBe(413);
    expect(upload.json()).toMatchObject({ code: 'storage_quota_exceeded', errors: [{ field: 'file' }] });

    await db.execute(sql`delete from files_test_photos where school_id = ${full.id}`);
    const small = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1020 * 1024, 32), Buffer.from('\n%%EOF\n')]);
    expect((await teacher.request('POST', `/api/v1/library/items/${created.json().id}/file?name=guide.pdf`, small, { 'content-type': 'application/octet-stream' })).statusCode).toBe(200);
    const photo = await send(full.id, await phoneJpeg(800, 600), '&field=photo');
    expect(photo.statusCode).toBe(413);
    expect(photo.json()).toMatchObject({ code: 'storage_quota_exceeded', errors: [{ field: 'photo', key: 'validation.storage_quota_exceeded' }] });
    expect(await folderOf(full.id)).toEqual([]);
    expect(await incoming()).toEqual([]);
  });
});

describe("an owner's sweep", () => {
  it('removes its old files and copies no row refers to, and leaves the rest alone', async () => {
    const swept = await buildSchool(db);
    const dir = join(storageDir, swept.id, 'files-test');
    await mkdir(dir, { recursive: true });
    const [kept, orphan, young] = [randomUUID(), randomUUID(), randomUUID()];
    await db.execute(sql`insert into files_test_photos (school_id, key, bytes) values (${swept.id}, ${`${swept.id}/files-test/${kept}`}, 12)`);
    const old = new Date(Date.now() - ORPHAN_AGE_MS - 60_000);
    const names = [kept, `${kept}.display`, `${kept}.thumb`, orphan, `${orphan}.display`, `${orphan}.thumb`, young, 'noter.txt'];
    for (const name of names) {
      await writeFile(join(dir, name), 'data');
      if (name !== young) await utimes(join(dir, name), old, old);
    }
    expect(await sweepOrphans(db, config, photos, new Date())).toEqual({ removed: 3, bytes: 12 });
    expect((await readdir(dir)).sort()).toEqual([kept, `${kept}.display`, `${kept}.thumb`, young, 'noter.txt'].sort());
  });
});
