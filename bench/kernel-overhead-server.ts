// A server for bench/kernel-overhead.mjs: the real app on an in-memory embedded database with the
// demo school, plus the departments list written by hand (outside /api/v1, where the kernel does
// not refuse it) as the baseline: session, school, authorize, query, response schema — no kernel.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { ZOrgListQuery, ZOrgUnitList } from '../src/shared/api/org';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite } from '../src/server/db/client';
import { departments } from '../src/server/db/schema/index';
import { requireSchool } from '../src/server/platform/actor';
import { actorOf } from '../src/server/platform/http';
import { createMailer } from '../src/server/platform/mail';
import { authorize } from '../src/server/platform/policy';
import { seedDemo } from '../src/server/seed/demo';

const database = openPglite(undefined);
await database.migrate();
await seedDemo(database.db);
const config = { ...loadConfig(), env: 'production' as const, readCacheTtlMs: 0, jobsIntervalMs: 0 };
const app = await buildApp({ config, database, mailer: createMailer(undefined, 'bench@retning') });
const db = database.db;
app.get('/api/by-hand/departments', { schema: { querystring: ZOrgListQuery, response: { 200: ZOrgUnitList } } }, async (req) => {
  const actor = requireSchool(actorOf(req));
  authorize(actor, 'org:read');
  const where = [eq(departments.schoolId, actor.school.id)];
  if (req.query.archived !== 'true') where.push(isNull(departments.archivedAt));
  const rows = await db.select().from(departments).where(and(...where)).orderBy(asc(sql`lower(${departments.name})`));
  return rows.map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null, departmentId: null }));
});
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
console.log('ready');
