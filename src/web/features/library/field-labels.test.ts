import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { libraryItems } from '../../../server/db/schema/index';
import { snapshotOf } from '../../../server/features/library/model';
import { ZReviewInput } from '../../../server/features/library/workflow-commands';
import { testApp } from '../../../server/test/app';
import { signIn } from '../../../server/test/client';
import { buildPerson, buildSchool } from '../../../server/test/factories';
import { FIELD_LABEL_KEYS, fieldLabel } from './field-labels';

/**
 * Every field the server names by its key has a label in both languages, so an author never reads
 * a raw key such as "fields.general" beside the editorial group's comment on the whole forløb.
 */
type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(readFileSync(new URL(`../../locales/${l}.json`, import.meta.url), 'utf8')) as Tree;
const text = (tree: Tree) => (key: string) => {
  const v = key.split('.').reduce<string | Tree | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), tree);
  return typeof v === 'string' ? v : key;
};
const da = text(load('da'));
const en = text(load('en'));

const { app, database } = await testApp();

describe('library field labels', () => {
  it('every label key is a text in Danish and in English', () => {
    for (const [field, key] of Object.entries({ ...FIELD_LABEL_KEYS, other: 'library.item.otherField' })) {
      expect(da(key), `${field} → ${key} (da)`).not.toBe(key);
      expect(en(key), `${field} → ${key} (en)`).not.toBe(key);
    }
  });

  it('names every field a review may comment on, "general" (the whole forløb) too', () => {
    const keys = ZReviewInput.shape.fieldComments.unwrap().keyType.options as readonly string[];
    expect(keys).toContain('general');
    for (const field of keys) expect(fieldLabel(da, field), field).not.toMatch(/^(fields|library)\./);
    expect(fieldLabel(da, 'general')).toBe('Generel kommentar');
  });

  it('names every field the comparison of two versions can list', async () => {
    const school = await buildSchool(database.db);
    const teacher = await signIn(app, (await buildPerson(database.db, school, { roles: ['teacher'] })).email);
    const created = (await teacher.post('/api/v1/library/items', { kind: 'forlob', title: 'Felter', fields: { maal: '<p>Mål</p>' } })).json();
    const [row] = await database.db.select().from(libraryItems).where(eq(libraryItems.id, created.id));
    if (!row) throw new Error('the forløb was not stored');
    const fields = Object.keys(await snapshotOf(database.db, row));
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) expect(FIELD_LABEL_KEYS[field], field).toBeDefined();
  });

  it('an unknown field is "another field", never its key', () => {
    expect(fieldLabel(da, 'somethingNew')).toBe('Andet felt');
  });
});
