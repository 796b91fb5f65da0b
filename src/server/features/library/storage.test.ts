import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { libraryItems } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { testApp } from '../../test/app';
import { buildPerson, buildSchool } from '../../test/factories';
import { attachFile } from './commands';

const { database, config } = await testApp();
const db = database.db;
const filesOf = (schoolId: string) => readdir(join(config.storageDir, schoolId)).catch(() => [] as string[]);

describe('material files', () => {
  it('a file whose item update fails is removed again; a stored one stays', async () => {
    const school = await buildSchool(db);
    const person = await buildPerson(db, school, { roles: ['teacher'] });
    const actor = { school: { id: school.id, name: school.name, networkId: school.networkId }, person: { id: person.id, name: person.name, departmentId: null } } as SchoolActor;
    const [row] = await db.insert(libraryItems).values({ schoolId: school.id, authorId: person.id, kind: 'material', title: 'Guide' }).returning();
    if (!row) throw new Error('insert failed');
    const upload = { buffer: Buffer.from('navn;hold\n'), fileName: 'hold.csv', mime: 'text/plain; charset=utf-8' };

    const failing = db.transaction((tx) =>
      attachFile({ db: tx, actor, audit: () => Promise.reject(new Error('audit failed')) }, config, row, async () => upload),
    );
    await expect(failing).rejects.toThrow('audit failed');
    expect(await filesOf(school.id)).toEqual([]);

    await db.transaction((tx) => attachFile({ db: tx, actor, audit: async () => {} }, config, row, async () => upload));
    const [stored] = await db.select({ fileKey: libraryItems.fileKey }).from(libraryItems).where(eq(libraryItems.id, row.id));
    expect(await filesOf(school.id)).toEqual([stored?.fileKey?.split('/')[1]]);
  });
});
