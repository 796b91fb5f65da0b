import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, networkAuditEvents } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

describe("a coordinator at a school's data", () => {
  it('is refused (403) and the attempt is kept in the network log, not in any school log', async () => {
    const school = await buildSchool(db, { network: `Netværk ${randomUUID()}` });
    const net = { id: school.networkId };
    await buildPerson(db, school, { roles: ['teacher'], name: 'Privat Person' });
    const c = await signIn(app, (await buildCoordinator(db, net.id)).email);
    const before = await db.select().from(auditEvents).where(eq(auditEvents.schoolId, school.id));

    for (const url of ['/api/v1/people', '/api/v1/school/export']) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('Privat Person');
    }
    const refused = await db
      .select()
      .from(networkAuditEvents)
      .where(and(eq(networkAuditEvents.networkId, net.id), eq(networkAuditEvents.action, 'network.school_data_refused')));
    expect(refused.map((r) => r.summary).sort()).toEqual(['GET /api/v1/people', 'GET /api/v1/school/export']);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.schoolId, school.id))).toHaveLength(before.length);

    // The network's own routes answer as before, and write nothing for a read.
    expect((await c.get('/api/v1/network')).statusCode).toBe(200);
    expect(await db.select().from(networkAuditEvents).where(eq(networkAuditEvents.networkId, net.id))).toHaveLength(2);
  });
});
