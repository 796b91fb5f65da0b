import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { libraryItems } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

describe('an archived school in the network views', () => {
  it("is left out of the network library and the survey overview, and comes back when it is reopened", async () => {
    const network = `Netværk ${randomUUID()}`;
    const open = await buildSchool(db, { network });
    const closing = await buildSchool(db, { network });
    const author = await buildPerson(db, closing, { roles: ['teacher'] });
    await db.insert(libraryItems).values({
      schoolId: closing.id,
      authorId: author.id,
      kind: 'material',
      title: 'Delt materiale fra en skole, der lukker',
      status: 'published',
      licence: 'cc_by',
      networkShared: true,
      publishedAt: new Date(),
    });
    const coordinator = await signIn(app, (await buildCoordinator(db, open.networkId)).email);
    const reader = await signIn(app, (await buildPerson(db, open, { roles: ['teacher'] })).email);
    const seen = async () => ({
      library: ((await reader.get('/api/v1/library/network')).json().items as { schoolId: string }[]).some((i) => i.schoolId === closing.id),
      surveys: ((await coordinator.get('/api/v1/network/surveys')).json().schools as { schoolId: string }[]).some((s) => s.schoolId === closing.id),
    });
    expect(await seen()).toEqual({ library: true, surveys: true });

    expect((await coordinator.post(`/api/v1/network/schools/${closing.id}/archive`)).statusCode).toBe(200);
    expect(await seen()).toEqual({ library: false, surveys: false });

    expect((await coordinator.post(`/api/v1/network/schools/${closing.id}/unarchive`)).statusCode).toBe(200);
    expect(await seen()).toEqual({ library: true, surveys: true });
  });
});
