// A server for bench/photo-upload.mjs: the real app on an in-memory embedded database with one
// school, plus a photo upload route written the way the route kernel runs one (storePhoto in the
// receive step, the row and the quota in the transaction, keep after the commit, discard at the
// end), for a feature that keeps its photos in a table of its own. /bench/lag answers the event
// loop's delay since the last call (and starts measuring again).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite } from '../src/server/db/client';
import { rawQuery } from '../src/server/db/raw';
import { AppError } from '../src/server/platform/errors';
import { defineFileOwner, ensureSpace, spaceFor, storePhoto } from '../src/server/platform/files/index';
import { createMailer } from '../src/server/platform/mail';
import { buildSchool } from '../src/server/test/factories';

const database = openPglite(undefined);
await database.migrate();
const db = database.db;
const school = await buildSchool(db, { name: 'Fotoskolen' });
await db.execute(sql`create table bench_photos (school_id uuid not null, key text not null, bytes bigint not null)`);
const owner = defineFileOwner({
  feature: 'bench',
  folder: 'bench',
  usedBytes: async (exec, schoolId) => Number((await rawQuery<{ used: string | null }>(exec, sql`select sum(bytes) as used from bench_photos where school_id = ${schoolId}`))[0]?.used ?? 0),
  referenced: async (exec, schoolId) => new Set((await rawQuery<{ key: string }>(exec, sql`select key from bench_photos where school_id = ${schoolId}`)).map((r) => r.key)),
});
const config = { ...loadConfig(), env: 'production' as const, readCacheTtlMs: 0, jobsIntervalMs: 0 };
const app = await buildApp({ config, database, mailer: createMailer(undefined, 'bench@retning') });
app.post('/bench/photo', async (req, reply) => {
  try {
    const upload = await storePhoto(req, config, { owner, schoolId: school.id, space: await spaceFor(db, config, school.id, 0) });
    try {
      await db.transaction(async (tx) => {
        await ensureSpace(tx, config, school.id, upload.totalBytes);
        await tx.execute(sql`insert into bench_photos (school_id, key, bytes) values (${school.id}, ${upload.key}, ${upload.totalBytes})`);
      });
      await upload.keep();
      return { key: upload.key, width: upload.width, height: upload.height, totalBytes: upload.totalBytes };
    } finally {
      await upload.discard();
    }
  } catch (e) {
    if (e instanceof AppError) return reply.code(e.status).send({ code: e.code });
    throw e;
  }
});
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
app.get('/bench/lag', async () => {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const out = { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) };
  lag.reset();
  return out;
});
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
console.log('ready');
