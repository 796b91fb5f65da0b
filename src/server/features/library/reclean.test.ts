import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { libraryItems } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { buildPerson, buildSchool } from '../../test/factories';
import { recleanStoredFields } from './reclean';

const { database } = await testApp();
const db = database.db;

describe('rich text that did not come through the library (a restored archive)', () => {
  it('is sanitised again; clean fields are left as they are', async () => {
    const school = await buildSchool(db);
    const author = await buildPerson(db, school, { roles: ['teacher'] });
    const [dirty] = await db
      .insert(libraryItems)
      .values({ schoolId: school.id, kind: 'forlob', authorId: author.id, title: 'Redigeret arkiv', fields: { maal: '<p>Mål</p><img src=x onerror="alert(1)"><script>alert(2)</script>' } })
      .returning();
    const [clean] = await db.insert(libraryItems).values({ schoolId: school.id, kind: 'forlob', authorId: author.id, title: 'Ren', fields: { maal: '<p>Mål</p>' } }).returning();
    expect(await recleanStoredFields(db, school.id)).toBe(1);
    const [after] = await db.select().from(libraryItems).where(eq(libraryItems.id, dirty?.id ?? ''));
    expect(after?.fields.maal).toBe('<p>Mål</p>');
    const [same] = await db.select().from(libraryItems).where(eq(libraryItems.id, clean?.id ?? ''));
    expect(same?.fields).toEqual({ maal: '<p>Mål</p>' });
  });
});
