import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryItems, schools } from '../../db/schema/index';
import { buildApp } from '../../app';
import { createMailer } from '../../platform/mail';
import type { App } from '../../platform/http';
import { testApp } from '../../test/app';
import { testDatabase } from '../../test/database';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';

const storageDir = await mkdtemp(join(tmpdir(), 'retning-files-'));
afterAll(() => rm(storageDir, { recursive: true, force: true }));
const { app, database, config } = await testApp({ config: { storageDir } });
const db = database.db;
const MB = 1024 * 1024;

let school: BuiltSchool;
let author: BuiltPerson;
let teacher: TestClient;
let admin: TestClient;
let otherTeacher: TestClient;

beforeAll(async () => {
  school = await buildSchool(db);
  author = await buildPerson(db, school, { roles: ['teacher'] });
  teacher = await signIn(app, author.email);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  otherTeacher = await signIn(app, (await buildPerson(db, await buildSchool(db), { roles: ['teacher'] })).email);
});

const filesOf = (schoolId: string) => readdir(join(storageDir, schoolId)).catch(() => [] as string[]);
const incoming = () => readdir(join(storageDir, '.incoming')).catch(() => [] as string[]);
const pdf = (size: number) => {
  const head = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - 7), 32), Buffer.from('\n%%EOF\n')]);
};
const multipart = (name: string, content: Buffer, type = 'application/pdf') => {
  const boundary = '----retning-files';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`, 'utf8');
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
const material = async (c: TestClient = teacher, title = 'Svejseguide') => {
  const res = await c.post('/api/v1/library/items', { kind: 'material', title, materialType: 'document' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const upload = (c: TestClient, id: string, name: string, content: Buffer) => {
  const m = multipart(name, content);
  return c.request('POST', `/api/v1/library/items/${id}/file`, m.body, m.headers);
};
const setQuotaMb = async (mb: number | undefined) => {
  const [s] = await db.select().from(schools).where(eq(schools.id, school.id));
  if (!s) throw new Error('no school');
  const { storageQuotaMb: _old, ...rest } = s.settings;
  await db.update(schools).set({ settings: mb === undefined ? rest : { ...rest, storageQuotaMb: mb } }).where(eq(schools.id, school.id));
};
/** Removes the school's items with files, so that each test starts with the whole quota. */
const clearFiles = async () => {
  await db.update(libraryItems).set({ fileKey: null, fileName: null, fileMime: null, fileSize: null }).where(eq(libraryItems.schoolId, school.id));
  await rm(join(storageDir, school.id), { recursive: true, force: true });
};

describe('replacing and deleting', () => {
  it('replacing a file leaves exactly the new file on disk', async () => {
    await clearFiles();
    const m = await material();
    expect((await upload(teacher, m.id, 'udkast.pdf', pdf(3000))).statusCode).toBe(200);
    const second = await upload(teacher, m.id, 'endelig.pdf', pdf(5000));
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().file).toMatchObject({ name: 'endelig.pdf', size: 5000 });
    const [row] = await db.select().from(libraryItems).where(eq(libraryItems.id, m.id));
    expect(await filesOf(school.id)).toEqual([row?.fileKey?.split('/')[1]]);
    expect(await incoming()).toEqual([]);
    const dl = await teacher.get(`/api/v1/library/items/${m.id}/file`);
    expect(dl.rawPayload.length).toBe(5000);
  });

  it('a file another row still refers to is kept when one of them replaces it', async () => {
    await clearFiles();
    const a = await material();
    const b = await material();
    await upload(teacher, a.id, 'fælles.pdf', pdf(2000));
    const [row] = await db.select().from(libraryItems).where(eq(libraryItems.id, a.id));
    await db.update(libraryItems).set({ fileKey: row?.fileKey, fileName: row?.fileName, fileMime: row?.fileMime, fileSize: row?.fileSize }).where(eq(libraryItems.id, b.id));
    expect((await upload(teacher, a.id, 'ny.pdf', pdf(2500))).statusCode).toBe(200);
    expect((await teacher.get(`/api/v1/library/items/${b.id}/file`)).rawPayload.length).toBe(2000);
    expect((await filesOf(school.id)).length).toBe(2);
  });

  it('deleting a draft removes it with its file; only its author may, and only in its own school', async () => {
    await clearFiles();
    const m = await material();
    expect((await upload(teacher, m.id, 'plan.pdf', pdf(4000))).statusCode).toBe(200);
    expect(await filesOf(school.id)).toHaveLength(1);
    expect((await otherTeacher.delete(`/api/v1/library/items/${m.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/library/items/${m.id}`)).statusCode).toBe(403);
    expect(await filesOf(school.id)).toHaveLength(1);
    const res = await teacher.delete(`/api/v1/library/items/${m.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await filesOf(school.id)).toEqual([]);
    expect((await teacher.get(`/api/v1/library/items/${m.id}`)).statusCode).toBe(404);
  });

  it('a transaction that fails at commit leaves no file, and the old file stays', async () => {
    await clearFiles();
    const m = await material();
    expect((await upload(teacher, m.id, 'gammel.pdf', pdf(3000))).statusCode).toBe(200);
    const before = await filesOf(school.id);
    // a deferred constraint trigger refuses the commit itself, after the handler has finished
    const fn = `retning_refuse_${randomUUID().replaceAll('-', '')}`;
    await db.execute(sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'commit refused'; end $$`));
    await db.execute(sql.raw(`create constraint trigger ${fn} after update on library_items deferrable initially deferred for each row when (new.id = '${m.id}') execute function ${fn}()`));
    try {
      const res = await upload(teacher, m.id, 'ny.pdf', pdf(6000));
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on library_items`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }
    expect(await filesOf(school.id)).toEqual(before);
    expect(await incoming()).toEqual([]);
    expect((await teacher.get(`/api/v1/library/items/${m.id}`)).json().file).toMatchObject({ name: 'gammel.pdf', size: 3000 });
  });

  it('a forbidden type is refused on its first bytes and leaves nothing behind', async () => {
    const m = await material();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2 * MB, 0)]);
    const res = await upload(teacher, m.id, 'program.pdf', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('file_type_forbidden');
    expect(await incoming()).toEqual([]);
  });
});

describe('names', () => {
  it('"Ærø ødegård.pdf" comes back with that name, and the download names it for every browser', async () => {
    const m = await material();
    const res = await upload(teacher, m.id, 'Ærø ødegård.pdf', pdf(1000));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().file.name).toBe('Ærø ødegård.pdf');
    const dl = await teacher.get(`/api/v1/library/items/${m.id}/file`);
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="AEroe oedegaard.pdf"; filename*=UTF-8''%C3%86r%C3%B8%20%C3%B8deg%C3%A5rd.pdf`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps decomposed letters as one (NFC) and drops folders, control and direction characters', async () => {
    const m = await material();
    const decomposed = 'Ska\u030agen.pdf';
    expect((await upload(teacher, m.id, decomposed, pdf(1000))).json().file.name).toBe('Skågen.pdf');
    const raw = await teacher.request('POST', `/api/v1/library/items/${m.id}/file?name=${encodeURIComponent('..\\..\\C:\\noter\u202Etxt.exe\u0007.txt')}`, Buffer.from('Øvelser i værkstedet\n'), {
      'content-type': 'application/octet-stream',
    });
    expect(raw.statusCode, raw.body).toBe(200);
    expect(raw.json().file).toMatchObject({ name: 'notertxt.exe.txt', mime: 'text/plain; charset=utf-8' });
  });
});

describe('quota', () => {
  it('refuses an upload that would exceed the school quota, naming the quota and the space left; a replacement counts the old file as gone', async () => {
    await clearFiles();
    await setQuotaMb(1);
    try {
      const first = await material();
      expect((await upload(teacher, first.id, 'a.pdf', pdf(600 * 1024))).statusCode).toBe(200);
      const second = await material();
      const refused = await upload(teacher, second.id, 'b.pdf', pdf(600 * 1024));
      expect(refused.statusCode).toBe(413);
      expect(refused.json()).toMatchObject({ code: 'storage_quota_exceeded', title: 'Der er ikke plads til filen: skolen har 0,4 MB tilbage af sin lagerkvote på 1 MB' });
      expect(refused.json().errors[0]).toMatchObject({ field: 'file' });
      expect(await incoming()).toEqual([]);
      expect((await teacher.get(`/api/v1/library/items/${second.id}`)).json().file).toBeNull();
      // replacing the first file with a larger one fits: its old file no longer counts
      expect((await upload(teacher, first.id, 'a2.pdf', pdf(900 * 1024))).statusCode).toBe(200);
      // the school admin sees the quota and what the files take
      const s = await admin.get('/api/v1/school');
      expect(s.json().storage).toEqual({ quotaBytes: MB, usedBytes: 900 * 1024 });
      // the school's own settings do not touch the host's quota
      expect((await admin.patch('/api/v1/school', { settings: { defaultLocale: 'da', schoolYearStartMonth: 8 } })).statusCode).toBe(200);
      expect((await admin.get('/api/v1/school')).json().storage.quotaBytes).toBe(MB);
      // full: refused before the file is read
      const third = await material();
      expect((await upload(teacher, third.id, 'c.pdf', pdf(200 * 1024))).json().code).toBe('storage_quota_exceeded');
    } finally {
      await setQuotaMb(undefined);
    }
    expect((await admin.get('/api/v1/school')).json().storage.quotaBytes).toBe(config.storageQuotaBytes);
  });
});

// A young-generation collection before each sample (fast), so that what is measured is mostly what is
// still held, not chunks already sent and waiting to be collected. Chunks that lived long enough to be
// promoted stay counted until V8's next full collection: a few MB, hence the loose bounds (a file
// read whole is held at its full size while it is sent; an upload gathered whole, at least half of it when sampled).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options?: { type: 'major' | 'minor'; execution: 'sync' }) => void;
const gc = () => collect({ type: 'minor', execution: 'sync' });

/** The most Buffer memory of this thread held above the level at the start while `run` runs, sampled every 5 ms. */
async function peakBufferGrowth(run: () => Promise<void>): Promise<number> {
  gc();
  const base = process.memoryUsage().arrayBuffers;
  let peak = base;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 5);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return peak - base;
}

describe('streaming', () => {
  const SIZE = 30 * MB;
  // The embedded database in its worker thread (as the server runs it): its memory is not this thread's Buffer memory.
  let server: App;
  let base: string;
  let owner: BuiltPerson;
  let client: TestClient;
  let schoolId: string;

  beforeAll(async () => {
    const database = await testDatabase({ mode: 'worker' });
    server = await buildApp({ config, database, mailer: createMailer(undefined, 'test@retning') });
    await server.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const s = await buildSchool(database.db);
    schoolId = s.id;
    owner = await buildPerson(database.db, s, { roles: ['teacher'] });
    client = await signIn(server, owner.email);
  });
  afterAll(async () => {
    await server.close();
    await server.deps.database.close();
  });

  it('a 30 MB download is streamed from disk with its length and a byte range on request, not read into memory', async () => {
    const wdb = server.deps.database.db;
    const [row] = await wdb.insert(libraryItems).values({ schoolId, authorId: owner.id, kind: 'material', title: 'Stor video' }).returning();
    if (!row) throw new Error('insert failed');
    const key = `${schoolId}/${randomUUID()}`;
    await mkdir(join(storageDir, schoolId), { recursive: true });
    const out = createWriteStream(join(storageDir, key));
    const chunk = Buffer.alloc(MB, 7);
    for (let i = 0; i < SIZE / MB; i++) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    await wdb.update(libraryItems).set({ fileKey: key, fileName: 'video.mp4', fileMime: 'video/mp4', fileSize: SIZE }).where(eq(libraryItems.id, row.id));

    let received = 0;
    let length = '';
    const growth = await peakBufferGrowth(
      () =>
        new Promise<void>((resolve, reject) => {
          httpRequest(`${base}/api/v1/library/items/${row.id}/file`, { headers: { cookie: client.cookie } }, (res: IncomingMessage) => {
            length = String(res.headers['content-length']);
            res.on('data', (c: Buffer) => (received += c.length));
            res.on('end', resolve);
            res.on('error', reject);
          })
            .on('error', reject)
            .end();
        }),
    );
    expect(length).toBe(String(SIZE));
    expect(received).toBe(SIZE);
    expect(growth).toBeLessThan(SIZE / 2);

    const part = await client.get(`/api/v1/library/items/${row.id}/file`, { range: 'bytes=10-19' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${SIZE}`);
    expect(part.rawPayload).toEqual(Buffer.alloc(10, 7));
  });

  it('a 30 MB upload is streamed to disk, not gathered in memory', async () => {
    const created = await client.post('/api/v1/library/items', { kind: 'material', title: 'Stor pdf', materialType: 'document' });
    const id = (created.json() as { id: string }).id;
    const boundary = '----retning-stream';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    const tail = Buffer.from(`\n%%EOF\n\r\n--${boundary}--\r\n`);
    const chunk = Buffer.alloc(MB, 32);
    let status = 0;
    let body = '';
    const growth = await peakBufferGrowth(async () => {
      const req = httpRequest(`${base}/api/v1/library/items/${id}/file`, {
        method: 'POST',
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + SIZE + tail.length },
      });
      const answered = new Promise<void>((resolve, reject) => {
        req.on('response', (res: IncomingMessage) => {
          status = res.statusCode ?? 0;
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', resolve);
        });
        req.on('error', reject);
      });
      req.write(head);
      for (let i = 0; i < SIZE / MB; i++) if (!req.write(chunk)) await once(req, 'drain');
      req.end(tail);
      await answered;
    });
    expect(status, body).toBe(200);
    expect(JSON.parse(body).file).toMatchObject({ name: 'stor.pdf', mime: 'application/pdf', size: SIZE + 9 + 7 });
    expect(growth).toBeLessThan(SIZE / 4);
    expect(await incoming()).toEqual([]);
  });
});
