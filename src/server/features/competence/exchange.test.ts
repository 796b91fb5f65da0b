import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { ZFramework } from '../../../shared/api/competence';
import { competenceFrameworks, competenceItems } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { MOODLE_COLUMNS, uuidV5 } from './exchange';

const { app, database } = await testApp();
const db = database.db;
let school: BuiltSchool;
let admin: TestClient;
let teacher: TestClient;
let fwId: string;

const strip = (fw: Record<string, unknown>) => {
  // internal ids differ between copies; everything the framework means must be the same
  const { id: _id, ...rest } = fw;
  return JSON.parse(JSON.stringify(rest, (k, v) => (k === 'id' ? undefined : v)));
};
const itemCount = async () => (await db.select({ n: count() }).from(competenceItems).where(eq(competenceItems.schoolId, school.id)))[0]?.n;

beforeAll(async () => {
  school = await buildSchool(db);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
  fwId = (await admin.get('/api/v1/competence/framework')).json().id;
});

describe('CASE 1.0', () => {
  it('exports a CFPackage: document, items, isChildOf associations only, a rubric with levels 0–6, UUIDs and URIs', async () => {
    const res = await teacher.get(`/api/v1/competence/frameworks/${fwId}/case`);
    expect(res.statusCode).toBe(200);
    const pkg = res.json();
    expect(Object.keys(pkg).sort()).toEqual(['CFAssociations', 'CFDocument', 'CFItems', 'CFRubrics']);
    expect(pkg.CFItems).toHaveLength(32);
    expect(pkg.CFAssociations).toHaveLength(32);
    expect(new Set(pkg.CFAssociations.map((a: { associationType: string }) => a.associationType))).toEqual(new Set(['isChildOf']));
    expect(pkg.CFItems.every((i: { identifier: string; uri: string }) => /^[0-9a-f-]{36}$/.test(i.identifier) && i.uri === `urn:uuid:${i.identifier}`)).toBe(true);
    expect(pkg.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels.map((l: { score: number }) => l.score)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(uuidV5('x')).toBe(uuidV5('x'));
    expect(uuidV5('x')[14]).toBe('5');
  });

  it('round-trips losslessly: import(export(F)) equals F, and exports again byte for byte', async () => {
    const first = (await admin.get(`/api/v1/competence/frameworks/${fwId}/case`)).body;
    const imported = await admin.post('/api/v1/competence/frameworks/case', JSON.parse(first));
    expect(imported.statusCode, imported.body).toBe(201);
    const original = (await admin.get('/api/v1/competence/framework')).json();
    const copy = imported.json();
    expect(copy.version).toBe(2);
    // the framework as such, without the texts the self-assessment adds to it
    const o = Object.fromEntries(Object.keys(ZFramework.shape).filter((k) => k !== 'version').map((k) => [k, original[k]]));
    const { version: _v2, importNotes, ...c } = copy;
    // nothing had to be assumed about Retning's own export
    expect(importNotes).toEqual([]);
    // the newest framework is now the copy; compare with the first export's framework
    expect(strip(c)).toEqual(strip({ ...o, id: 'x' }));
    const second = (await admin.get(`/api/v1/competence/frameworks/${copy.id}/case`)).json();
    const firstPkg = JSON.parse(first);
    expect({ ...second, CFDocument: { ...second.CFDocument, version: firstPkg.CFDocument.version } }).toEqual(firstPkg);
  });

  it('rejects a package that breaks the schema, naming the JSON path; writes nothing', async () => {
    const pkg = (await admin.get(`/api/v1/competence/frameworks/${fwId}/case`)).json();
    const before = await itemCount();
    const bad = structuredClone(pkg);
    delete bad.CFItems[3].fullStatement;
    bad.CFItems[5].identifier = 'not-a-uuid';
    bad.CFAssociations[0].associationType = 'isParentOf';
    bad.Extra = 1;
    let res = await admin.post('/api/v1/competence/frameworks/case', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('case_invalid');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['$.CFItems[3].fullStatement', '$.CFItems[5].identifier', '$.CFAssociations[0].associationType', '$.Extra']));
    const orphan = structuredClone(pkg);
    orphan.CFAssociations[4].destinationNodeURI.identifier = '11111111-1111-4111-8111-111111111111';
    res = await admin.post('/api/v1/competence/frameworks/case', orphan);
    expect(res.json().errors[0].field).toBe('$.CFAssociations[4].destinationNodeURI.identifier');
    const noDoc = await admin.post('/api/v1/competence/frameworks/case', { CFItems: [] });
    expect(noDoc.json().errors[0].field).toBe('$.CFDocument');
    expect(await itemCount()).toBe(before);
    expect((await teacher.post('/api/v1/competence/frameworks/case', pkg)).statusCode).toBe(403);
  });
});

describe('Moodle CSV', () => {
  it('exports 14 columns with one framework row carrying the taxonomy; every other row has its parent', async () => {
    const res = await teacher.get(`/api/v1/competence/frameworks/${fwId}/moodle`);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(MOODLE_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 1 + 32);
    const fwRow = lines[1] ?? '';
    expect(fwRow).toMatch(/,1,"domain,competency"$/);
    expect(lines.slice(2).every((l) => l.endsWith(',0,'))).toBe(true);
  });

  it('re-imports its own export, and refuses a file with a missing parent, writing nothing', async () => {
    const csv = (await admin.get(`/api/v1/competence/frameworks/${fwId}/moodle`)).body;
    const ok = await admin.post('/api/v1/competence/frameworks/moodle', csv, { 'content-type': 'text/csv' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().areas).toHaveLength(7);
    expect(ok.json().areas[6].competences).toHaveLength(3);
    const [frameworks] = await db.select({ n: count() }).from(competenceFrameworks).where(eq(competenceFrameworks.schoolId, school.id));
    const before = await itemCount();
    const broken = csv.replace(/\r\n1,1\.1,/, '\r\nfindes-ikke,1.1,');
    const res = await admin.post('/api/v1/competence/frameworks/moodle', broken, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toMatch(/^line \d+: Parent id number$/);
    expect(await itemCount()).toBe(before);
    const [after] = await db.select({ n: count() }).from(competenceFrameworks).where(eq(competenceFrameworks.schoolId, school.id));
    expect(after?.n).toBe(frameworks?.n);
  });
});

/* ------------------------------------------------------------------------------------------------
 * Packages shaped like those other CASE tools write (case-fixtures/): identifiers without a UUID
 * version digit, date-times without a time-zone offset, and trees deeper than area → competence.
 * ---------------------------------------------------------------------------------------------- */
type Pkg = {
  CFDocument: Record<string, unknown> & { identifier: string; lastChangeDateTime: string };
  CFItems: (Record<string, unknown> & { identifier: string; humanCodingScheme?: string; lastChangeDateTime: string })[];
  CFAssociations: (Record<string, unknown> & { associationType: string; originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string } })[];
};
type Node = { id: string; code: string; title: { da: string; en: string }; description: { da: string; en: string }; caseIdentifier: string; items?: Node[]; competences?: Node[] };
const fixture = (name: string): Pkg => JSON.parse(readFileSync(new URL(`./case-fixtures/${name}`, import.meta.url), 'utf8'));
const noteOf = (res: { json(): { importNotes: { code: string; count: number; values: string[] }[] } }, code: string) => res.json().importNotes.find((n) => n.code === code);

describe('CASE 1.0 from other tools', () => {
  let other: BuiltSchool;
  let manager: TestClient;
  const items = async () => (await db.select({ n: count() }).from(competenceItems).where(eq(competenceItems.schoolId, other.id)))[0]?.n;
  beforeAll(async () => {
    other = await buildSchool(db);
    manager = await signIn(app, (await buildPerson(db, other, { roles: ['school_admin'] })).email);
  });

  it('accepts identifiers without a UUID version digit, as the CASE schema does, and says what it assumed', async () => {
    const pkg = fixture('version-less-identifiers.case.json');
    // an upper-case identifier is a hex UUID too; references to it may be written in lower case
    const first = pkg.CFItems[0];
    if (!first) throw new Error('fixture has items');
    first.identifier = first.identifier.toUpperCase().replace('00000000-', 'ABCDEF00-');
    for (const a of pkg.CFAssociations) for (const end of [a.originNodeURI, a.destinationNodeURI]) if (end.identifier === '00000000-0000-0000-0000-000000000001') end.identifier = 'abcdef00-0000-0000-0000-000000000001';
    const res = await manager.post('/api/v1/competence/frameworks/case', pkg);
    expect(res.statusCode, res.body).toBe(201);
    const fw = res.json();
    expect(fw.caseIdentifier).toBe('d0000000-0000-0000-0000-000000000000');
    expect(fw.areas.map((a: Node) => [a.code, a.caseIdentifier, a.competences?.map((c) => c.code)])).toEqual([
      ['A', 'abcdef00-0000-0000-0000-000000000001', ['A.1', 'A.2']],
      ['B', '00000000-0000-0000-0000-000000000004', ['B.1']],
    ]);
    // a foreign package's texts exist in one language; they are used for both
    expect(fw.areas[1].competences[0].title).toEqual({ da: 'Protects personal data in photos and documents.', en: 'Protects personal data in photos and documents.' });
    expect(fw.language).toBe('da');
    expect(noteOf(res, 'identifiers_lower_cased')).toMatchObject({ count: 1 });
    expect(noteOf(res, 'language_missing')).toMatchObject({ count: 1 });
    expect(noteOf(res, 'texts_one_language')).toBeDefined();
    expect(noteOf(res, 'default_levels')).toBeDefined();
    expect(noteOf(res, 'associations_ignored')).toMatchObject({ count: 1, values: ['exactMatchOf'] });
    expect(noteOf(res, 'fields_ignored')?.values).toEqual(expect.arrayContaining(['CFDefinitions', 'CFDocument.CFPackageURI', 'CFItems.CFDocumentURI', 'CFItems.educationalLevel']));
    expect(fw.levels.map((l: { level: number }) => l.level)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const again = (await manager.get(`/api/v1/competence/frameworks/${fw.id}/case`)).json();
    expect(again.CFDocument.identifier).toBe('d0000000-0000-0000-0000-000000000000');
    expect(again.CFItems.map((i: { identifier: string }) => i.identifier)).toContain('00000000-0000-0000-0000-000000000005');
  });

  it('reads date-times without a time-zone offset as UTC and counts them in the summary; refuses a date that is not one', async () => {
    const pkg = fixture('dates-without-offset.case.json');
    const res = await manager.post('/api/v1/competence/frameworks/case', pkg);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lastChangeAt).toBe('2017-05-25T18:05:33.000Z');
    // the document, five items and five associations
    expect(noteOf(res, 'dates_without_offset')).toMatchObject({ count: 11 });
    const exported = (await manager.get(`/api/v1/competence/frameworks/${res.json().id}/case`)).json();
    expect(exported.CFItems[0].lastChangeDateTime).toBe('2017-05-25T18:05:33.000Z');
    const before = await items();
    for (const bad of ['2017-13-25T18:05:33', '25-05-2017 18:05', '2017-05-25T18:05:33+25:00']) {
      const broken = structuredClone(pkg);
      broken.CFDocument.lastChangeDateTime = bad;
      const refused = await manager.post('/api/v1/competence/frameworks/case', broken);
      expect(refused.statusCode, bad).toBe(422);
      expect(refused.json().errors[0]).toMatchObject({ field: '$.CFDocument.lastChangeDateTime', code: 'competence.validation.case_format' });
    }
    expect(await items()).toBe(before);
  });

  it('keeps a four-level tree: levels below the competence are stored under it, answered through it, and exported again (import(export(F)) equals F)', async () => {
    const pkg = fixture('four-levels.case.json');
    const res = await manager.post('/api/v1/competence/frameworks/case', pkg);
    expect(res.statusCode, res.body).toBe(201);
    const fw = res.json();
    const shape = (n: Node): unknown => [n.code, ...(n.competences ?? n.items ?? []).map(shape)];
    expect(fw.areas.map(shape)).toEqual([
      ['1', ['1.1', ['1.1.1', ['1.1.1.a'], ['1.1.1.b']], ['1.1.2']], ['1.2', ['1.2.1']]],
      ['2', ['2.1']],
    ]);
    const comp = fw.areas[0].competences[0];
    expect(comp.items[0].title).toEqual({ da: 'Læser en 3D-model', en: 'Læser en 3D-model' });
    expect(comp.items[0].description.da).toBe('Finder rundt i en 3D-model af byggeriet.');
    expect(noteOf(res, 'indicators')).toMatchObject({ count: 5 });
    // stored as children of their competence (and of each other), in the one items table
    const [sub] = await db.select().from(competenceItems).where(and(eq(competenceItems.schoolId, other.id), eq(competenceItems.id, comp.items[0].items[1].id)));
    expect(sub?.parentId).toBe(comp.items[0].id);
    const [indicator] = await db.select().from(competenceItems).where(and(eq(competenceItems.schoolId, other.id), eq(competenceItems.id, comp.items[0].id)));
    expect(indicator?.parentId).toBe(comp.id);
    // the self-assessment asks for the competences only; their indicators come with them
    const current = (await manager.get('/api/v1/competence/framework')).json();
    expect(current.id).toBe(fw.id);
    expect(current.areas.flatMap((a: Node) => a.competences ?? []).map((c: Node) => c.code)).toEqual(['1.1', '1.2', '2.1']);
    expect(current.areas[0].competences[0].items.map((i: Node) => i.code)).toEqual(['1.1.1', '1.1.2']);
    // export: every level, each isChildOf its own parent
    const first = (await manager.get(`/api/v1/competence/frameworks/${fw.id}/case`)).body;
    const exported = JSON.parse(first);
    expect(exported.CFItems).toHaveLength(10);
    const byCode = new Map<string, string>(exported.CFItems.map((i: { humanCodingScheme: string; identifier: string }) => [i.humanCodingScheme, i.identifier]));
    const parentOf = new Map<string, string>(exported.CFAssociations.map((a: Pkg['CFAssociations'][number]) => [a.originNodeURI.identifier, a.destinationNodeURI.identifier]));
    expect(parentOf.get(byCode.get('1.1.1.b') ?? '')).toBe(byCode.get('1.1.1'));
    expect(parentOf.get(byCode.get('1.1.1') ?? '')).toBe(byCode.get('1.1'));
    expect(exported.CFItems.find((i: { humanCodingScheme: string }) => i.humanCodingScheme === '1.1.1.a').CFItemType).toBe('Indikator');
    // round trip
    const copy = await manager.post('/api/v1/competence/frameworks/case', exported);
    expect(copy.statusCode, copy.body).toBe(201);
    const { version: _a, importNotes, ...c } = copy.json();
    const { version: _b, importNotes: _n, ...o } = fw;
    expect(importNotes).toEqual([]);
    expect(strip(c)).toEqual(strip(o));
    const second = (await manager.get(`/api/v1/competence/frameworks/${copy.json().id}/case`)).json();
    expect({ ...second, CFDocument: { ...second.CFDocument, version: exported.CFDocument.version } }).toEqual(exported);
  });

  it('reads a framework of one level as the competences of one area named after the document, sequence numbers written as text as numbers', async () => {
    const pkg = fixture('four-levels.case.json');
    const doc = pkg.CFDocument.identifier;
    pkg.CFItems = pkg.CFItems.slice(0, 3);
    pkg.CFAssociations = pkg.CFAssociations.slice(0, 3).map((a, i) => ({ ...a, sequenceNumber: String(3 - i), destinationNodeURI: { ...a.destinationNodeURI, identifier: doc } }));
    const res = await manager.post('/api/v1/competence/frameworks/case', pkg);
    expect(res.statusCode, res.body).toBe(201);
    const [area, ...others] = res.json().areas as Node[];
    expect(others).toEqual([]);
    expect(area?.title.da).toBe('Digital praksis for tømrere');
    expect(area?.competences?.map((c) => c.code)).toEqual(['1.1.1', '1.1', '1']);
    expect(noteOf(res, 'one_level')).toMatchObject({ count: 3 });
    expect(noteOf(res, 'sequence_numbers_as_text')).toMatchObject({ count: 3 });
  });

  it('refuses a framework whose hierarchy cannot map to areas and competences, naming the reason; writes nothing', async () => {
    const pkg = fixture('four-levels.case.json');
    const before = await items();
    const refuse = async (p: unknown) => {
      const res = await manager.post('/api/v1/competence/frameworks/case', p as Record<string, unknown>);
      expect(res.statusCode, res.body).toBe(422);
      return res.json().errors[0] as { field: string; code: string; message: string };
    };
    // nothing under the document
    expect(await refuse({ CFDocument: pkg.CFDocument, CFItems: [], CFAssociations: [] })).toMatchObject({ field: '$.CFItems', code: 'competence.validation.case_no_items' });
    // an area with no competence under it, beside areas that have some
    const lonely = structuredClone(pkg);
    const extra = { ...structuredClone(pkg.CFItems[0]), identifier: '0e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b', humanCodingScheme: '3' } as Pkg['CFItems'][number];
    lonely.CFItems.push(extra);
    lonely.CFAssociations.push({ ...structuredClone(pkg.CFAssociations[0]), identifier: '1e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b', originNodeURI: { title: '3', identifier: extra.identifier, uri: 'urn:x:3' } } as Pkg['CFAssociations'][number]);
    const area = await refuse(lonely);
    expect(area).toMatchObject({ field: '$.CFItems[10]', code: 'competence.validation.case_area_empty' });
    expect(area.message).toMatch(/ingen kompetencer/);
    // a loop: two items that are each other's parent are never reached from the document
    const loop = structuredClone(pkg);
    const [x, y] = [loop.CFItems[8], loop.CFItems[9]];
    if (!x || !y) throw new Error('fixture has ten items');
    loop.CFAssociations[8] = { ...loop.CFAssociations[8], destinationNodeURI: { title: 'y', identifier: y.identifier, uri: 'urn:x:y' } } as Pkg['CFAssociations'][number];
    loop.CFAssociations[9] = { ...loop.CFAssociations[9], destinationNodeURI: { title: 'x', identifier: x.identifier, uri: 'urn:x:x' } } as Pkg['CFAssociations'][number];
    expect(await refuse(loop)).toMatchObject({ field: '$.CFItems[8]', code: 'competence.validation.case_loop' });
    // deeper than Retning shows
    const deep = structuredClone(pkg);
    let parent = deep.CFItems[6]?.identifier ?? '';
    for (let i = 0; i < 12; i++) {
      const id = `5d6e7f80-1a2b-4c3d-8e4f-${String(i).padStart(12, '0')}`;
      deep.CFItems.push({ ...structuredClone(pkg.CFItems[6]), identifier: id } as Pkg['CFItems'][number]);
      deep.CFAssociations.push({ ...structuredClone(pkg.CFAssociations[6]), identifier: `6d6e7f80-1a2b-4c3d-8e4f-${String(i).padStart(12, '0')}`, originNodeURI: { title: 'd', identifier: id, uri: 'urn:x:d' }, destinationNodeURI: { title: 'p', identifier: parent, uri: 'urn:x:p' } } as Pkg['CFAssociations'][number]);
      parent = id;
    }
    expect(await refuse(deep)).toMatchObject({ code: 'competence.validation.case_deeper_than' });
    expect(await items()).toBe(before);
  });
});
