import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, libraryItems, personTeams, teams } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { RELATION_FIELDS } from './model';
import { XSS_VECTORS } from './xss-vectors';

const { app, database } = await testApp({ config: { uploadLimitBytes: 64 * 1024 } });
const db = database.db;

const fields = (text = 'Eleverne svejser og giver hinanden feedback') => Object.fromEntries(RELATION_FIELDS.map((f) => [f, `<p>${text} (${f})</p>`]));
let school: BuiltSchool;
let other: BuiltSchool;
let author: BuiltPerson;
let teacher: TestClient;
let teammate: TestClient;
let outsider: TestClient;
let editor: TestClient;
let editor2: TestClient;
let student: TestClient;
let otherTeacher: TestClient;
let coordinator: TestClient;

const create = async (c: TestClient, body: Record<string, unknown>) => {
  const res = await c.post('/api/v1/library/items', { kind: 'forlob', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; version: number };
};
const ids = async (c: TestClient, qs = '') => {
  const res = await c.get(`/api/v1/library/items${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; title: string }[]; total: number; fuzzy: boolean; facets: { status: { value: string; count: number }[]; kind: { value: string; count: number }[]; tags: { group: string; value: string; count: number }[] } };
};
/** Draft → submit → take → approve, as a published forløb. */
const publish = async (c: TestClient, body: Record<string, unknown>) => {
  const item = await create(c, { fields: fields(), licence: 'cc_by', ...body });
  expect((await c.post(`/api/v1/library/items/${item.id}/submit`)).statusCode).toBe(200);
  expect((await editor.post(`/api/v1/library/items/${item.id}/take`)).statusCode).toBe(200);
  const res = await editor.post(`/api/v1/library/items/${item.id}/decision`, { decision: 'approve' });
  expect(res.statusCode, res.body).toBe(200);
  return item;
};

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Teknologi og Transport'] });
  other = await buildSchool(db);
  author = await buildPerson(db, school, { roles: ['teacher'], name: 'Lone Lærer' });
  const mate = await buildPerson(db, school, { roles: ['teacher'] });
  const [team] = await db.insert(teams).values({ schoolId: school.id, name: 'Svejseteamet' }).returning();
  await db.insert(personTeams).values([
    { schoolId: school.id, personId: author.id, teamId: team?.id ?? '' },
    { schoolId: school.id, personId: mate.id, teamId: team?.id ?? '' },
  ]);
  teacher = await signIn(app, author.email);
  teammate = await signIn(app, mate.email);
  outsider = await signIn(app, (await buildPerson(db, school, { roles: ['teacher', 'it_ambassador'], departmentId: school.departments[1]?.id })).email);
  editor = await signIn(app, (await buildPerson(db, school, { roles: ['editorial', 'department_head'] })).email);
  editor2 = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant', 'editorial'] })).email);
  student = await signIn(app, (await buildPerson(db, school, { roles: ['student'] })).email);
  otherTeacher = await signIn(app, (await buildPerson(db, other, { roles: ['teacher'] })).email);
  coordinator = await signIn(app, (await buildCoordinator(db, school.networkId)).email);
});

describe('workflow', () => {
  it('draft → team → submit → review with comments → return → fix → approve, keeping every version', async () => {
    const item = await create(teacher, { title: 'Svejsning med feedback', summary: 'Peer-feedback i værkstedet', fields: fields() });
    expect(item.status).toBe('draft');
    // a private draft: only the author
    for (const c of [teammate, outsider, editor]) expect((await c.get(`/api/v1/library/items/${item.id}`)).statusCode).toBe(403);
    expect((await teammate.post(`/api/v1/library/items/${item.id}/share`)).statusCode).toBe(403);
    expect((await teacher.post(`/api/v1/library/items/${item.id}/share`)).json().status).toBe('team');
    // the team may read and comment; others may not
    expect((await teammate.get(`/api/v1/library/items/${item.id}`)).statusCode).toBe(200);
    expect((await teammate.post(`/api/v1/library/items/${item.id}/comments`, { body: 'Husk sikkerhed' })).statusCode).toBe(201);
    expect((await outsider.get(`/api/v1/library/items/${item.id}`)).statusCode).toBe(403);
    expect((await teammate.patch(`/api/v1/library/items/${item.id}`, { title: 'Overtaget' })).statusCode).toBe(403);
    // submit; the editorial group sees it, a reviewer takes it
    expect((await teacher.post(`/api/v1/library/items/${item.id}/submit`)).json().status).toBe('submitted');
    expect((await teacher.patch(`/api/v1/library/items/${item.id}`, { title: 'Ændret under review' })).statusCode).toBe(403);
    expect((await ids(editor, '?status=submitted')).items.map((i) => i.id)).toContain(item.id);
    expect((await outsider.post(`/api/v1/library/items/${item.id}/take`)).statusCode).toBe(403);
    expect((await editor.post(`/api/v1/library/items/${item.id}/take`)).json().status).toBe('in_review');
    // only the reviewer who took it decides
    expect((await editor2.post(`/api/v1/library/items/${item.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const saved = await editor.put(`/api/v1/library/items/${item.id}/review`, { checklist: { '0': true, '1': false }, fieldComments: { maal: 'Gør målene målbare' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const noFeedback = await editor.post(`/api/v1/library/items/${item.id}/decision`, { decision: 'return' });
    expect(noFeedback.statusCode).toBe(422);
    expect(noFeedback.json().errors[0].field).toBe('feedback');
    const returned = await editor.post(`/api/v1/library/items/${item.id}/decision`, { decision: 'return', feedback: 'Skarpere mål, tak' });
    expect(returned.json()).toMatchObject({ status: 'returned', version: 2 });
    const seen = (await teacher.get(`/api/v1/library/items/${item.id}`)).json();
    expect(seen.reviews[0]).toMatchObject({ decision: 'returned', feedback: 'Skarpere mål, tak', fieldComments: { maal: 'Gør målene målbare' } });
    // fix and resubmit, then approve
    expect((await teacher.patch(`/api/v1/library/items/${item.id}`, { fields: { maal: '<p>Eleven kan udføre en kantsøm</p>' } })).statusCode).toBe(200);
    expect((await teacher.post(`/api/v1/library/items/${item.id}/submit`)).statusCode).toBe(200);
    expect((await editor2.post(`/api/v1/library/items/${item.id}/take`)).statusCode).toBe(200);
    expect((await editor2.post(`/api/v1/library/items/${item.id}/decision`, { decision: 'approve' })).json().status).toBe('published');
    // versions and a field-by-field compare
    const versions = (await outsider.get(`/api/v1/library/items/${item.id}/versions`)).json();
    expect(versions.versions.map((v: { version: number; event: string }) => `${v.version}:${v.event}`)).toEqual(['1:submitted', '1:returned', '2:submitted', '2:published']);
    const diff = (await outsider.get(`/api/v1/library/items/${item.id}/compare?from=${versions.versions[0].id}&to=${versions.versions[3].id}`)).json();
    expect(diff.changes).toEqual([{ field: 'maal', before: '<p>Eleverne svejser og giver hinanden feedback (maal)</p>', after: '<p>Eleven kan udføre en kantsøm</p>' }]);
    // the audit log has every step
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.resourceId, item.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['library.created', 'library.shared_with_team', 'library.submitted', 'library.review_started', 'library.returned', 'library.published', 'library.commented']));
  });

  it('refuses an empty required relation-model field, a non-http(s) URL and approving one’s own work, writing nothing', async () => {
    const item = await create(teacher, { title: 'Halvfærdigt', fields: { ...fields(), vurdering: '<p> </p>' } });
    const res = await teacher.post(`/api/v1/library/items/${item.id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'required_fields_empty' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['fields.vurdering']);
    expect((await teacher.get(`/api/v1/library/items/${item.id}`)).json().status).toBe('draft');
    // the editorial group may require fewer fields
    expect((await teacher.put('/api/v1/library/settings', { requiredFields: ['maal'], criteria: ['x'] })).statusCode).toBe(403);
    expect((await editor.put('/api/v1/library/settings', { requiredFields: ['maal', 'indhold'], criteria: ['Klart formål', 'Tydelige mål'] })).statusCode).toBe(200);
    expect((await teacher.post(`/api/v1/library/items/${item.id}/submit`)).statusCode).toBe(200);
    await editor.put('/api/v1/library/settings', { requiredFields: [...RELATION_FIELDS], criteria: ['Klart formål'] });

    for (const url of ['javascript:alert(1)', 'ftp://x.dk/a', 'data:text/html,hi', 'canvas.example/kursus']) {
      const bad = await teacher.post('/api/v1/library/items', { kind: 'forlob', title: 'x', lmsUrl: url });
      expect(bad.statusCode, url).toBe(422);
      expect(bad.json().errors[0]).toMatchObject({ field: 'lmsUrl', code: 'http_url' });
    }
    // an editor's own forløb: another editor reviews it; the author may not
    const own = await create(editor, { title: 'Redaktørens eget', fields: fields() });
    await editor.post(`/api/v1/library/items/${own.id}/submit`);
    const self = await editor.post(`/api/v1/library/items/${own.id}/take`);
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('review_own_work');
    expect((await editor2.post(`/api/v1/library/items/${own.id}/take`)).statusCode).toBe(200);
    const [row] = await db.select().from(libraryItems).where(eq(libraryItems.id, own.id));
    expect(row?.reviewerId).not.toBeNull();
    // a non-reviewer's review action
    expect((await teacher.put(`/api/v1/library/items/${own.id}/review`, { checklist: {} })).statusCode).toBe(403);
  });
});

describe('visibility and search', () => {
  it('drafts are never returned or counted for others; search is Danish, typo-tolerant and faceted', async () => {
    const secret = await create(teacher, { title: 'Hemmelig kladde om skolerne og svejsning', fields: fields() });
    const pub = await publish(teacher, { title: 'Skolerne og svejsning', summary: 'Feedback i værkstedet', tags: { fag: ['Svejsning'], niveau: ['Grundforløb 2'] } });
    // the author sees both, the colleague only the published one
    expect((await ids(teacher, '?q=skole')).items.map((i) => i.id)).toEqual(expect.arrayContaining([secret.id, pub.id]));
    for (const c of [outsider, editor, student]) {
      const r = await ids(c, '?q=skole');
      expect(r.items.map((i) => i.id)).toContain(pub.id);
      expect(r.items.map((i) => i.id)).not.toContain(secret.id);
      expect(r.facets.status.find((f) => f.value === 'draft')).toBeUndefined();
      const all = await ids(c, '?status=draft');
      expect(all.total).toBe(0);
    }
    // "skolerne" for "skole" (Danish stemming), and "feedbak" for "feedback" (trigram)
    expect((await ids(outsider, '?q=skole')).items[0]?.id).toBe(pub.id);
    const typo = await ids(outsider, '?q=feedbak');
    expect(typo.fuzzy).toBe(true);
    expect(typo.items.map((i) => i.id)).toContain(pub.id);
    expect((await ids(outsider, `?q=${encodeURIComponent('svejsning feedback')}`)).items[0]?.id).toBe(pub.id);
    // facets by tag, kind and status
    const faceted = await ids(outsider, `?tag=${encodeURIComponent('fag:Svejsning')}`);
    expect(faceted.items.map((i) => i.id)).toEqual([pub.id]);
    expect(faceted.facets.tags).toEqual(expect.arrayContaining([{ group: 'niveau', value: 'Grundforløb 2', count: 1 }]));
    // another school sees nothing of this school
    const foreign = await ids(otherTeacher, '?q=svejsning');
    expect(foreign.total).toBe(0);
    expect((await otherTeacher.get(`/api/v1/library/items/${pub.id}`)).statusCode).toBe(404);
  });
});

describe('adaptation, locks and network sharing', () => {
  it('adapts with "Tilpasset fra", honours locked fields, and shows usage on the original', async () => {
    const original = await publish(teacher, { title: 'Kantsøm trin for trin' });
    expect((await editor.put(`/api/v1/library/items/${original.id}/locks`, { fields: ['maal'] })).statusCode).toBe(200);
    const res = await outsider.post(`/api/v1/library/items/${original.id}/adapt`);
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({ status: 'draft', adaptedFrom: { id: original.id, title: 'Kantsøm trin for trin', authorName: 'Lone Lærer' } });
    const locked = await outsider.patch(`/api/v1/library/items/${copy.id}`, { fields: { maal: '<p>Andre mål</p>' } });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().errors[0].field).toBe('fields.maal');
    expect((await outsider.patch(`/api/v1/library/items/${copy.id}`, { fields: { indhold: '<p>Til min klasse</p>' } })).statusCode).toBe(200);
    // attribution survives submit, return and new versions
    await outsider.post(`/api/v1/library/items/${copy.id}/submit`);
    await editor.post(`/api/v1/library/items/${copy.id}/take`);
    await editor.post(`/api/v1/library/items/${copy.id}/decision`, { decision: 'return', feedback: 'Lidt mere' });
    expect((await outsider.get(`/api/v1/library/items/${copy.id}`)).json().adaptedFrom.id).toBe(original.id);
    const orig = (await teacher.get(`/api/v1/library/items/${original.id}`)).json();
    expect(orig.usage).toEqual({ adaptations: 1, schools: 1 });
  });

  it('shares an open-licence forløb with the network; drafts and everything else stay home', async () => {
    const closed = await publish(teacher, { title: 'Lukket licens', licence: 'all_rights' });
    const refused = await teacher.put(`/api/v1/library/items/${closed.id}/network`, { shared: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('licence_not_open');
    const shared = await publish(teacher, { title: 'Netværksforløb om svejsning' });
    expect((await teacher.put(`/api/v1/library/items/${shared.id}/network`, { shared: true })).statusCode).toBe(200);
    const draft = await create(teacher, { title: 'Netværkskladde', licence: 'cc_by' });
    await db.update(libraryItems).set({ networkShared: true }).where(eq(libraryItems.id, draft.id));

    // Other test files share the test network (and, on PostgreSQL, the database): look at this school's items only.
    const mine = (items: { id: string; schoolId: string }[]) => items.filter((i) => i.schoolId === school.id);
    const list = (await otherTeacher.get('/api/v1/library/network')).json();
    expect(mine(list.items).map((i) => i.id)).toEqual([shared.id]);
    expect(mine(list.items)[0]).toMatchObject({ schoolName: school.name, own: false });
    expect((await otherTeacher.get(`/api/v1/library/network/${school.id}/${draft.id}`)).statusCode).toBe(404);
    expect((await otherTeacher.get(`/api/v1/library/network/${school.id}/${closed.id}`)).statusCode).toBe(404);
    const one = await otherTeacher.get(`/api/v1/library/network/${school.id}/${shared.id}`);
    expect(one.statusCode).toBe(200);
    expect(Object.keys(one.json())).not.toEqual(expect.arrayContaining(['reviews', 'coAuthors', 'author']));
    // adapted into the other school, attributed to this school
    const adapted = await otherTeacher.post(`/api/v1/library/network/${school.id}/${shared.id}/adapt`);
    expect(adapted.statusCode, adapted.body).toBe(201);
    expect(adapted.json().adaptedFrom).toMatchObject({ schoolName: school.name, sameSchool: false });
    expect((await teacher.get(`/api/v1/library/items/${shared.id}`)).json().adaptations).toEqual([{ schoolName: other.name, id: null, title: null, authorName: null }]);
    // the coordinator features, then withdraws it; teachers cannot curate
    expect((await otherTeacher.post(`/api/v1/library/network/${school.id}/${shared.id}/curate`, { featured: true })).statusCode).toBe(403);
    expect((await coordinator.post(`/api/v1/library/network/${school.id}/${shared.id}/curate`, { featured: true })).json().featured).toBe(true);
    expect((await coordinator.post(`/api/v1/library/network/${school.id}/${shared.id}/curate`, { withdrawn: true })).statusCode).toBe(200);
    expect(mine((await otherTeacher.get('/api/v1/library/network')).json().items)).toEqual([]);
    expect((await coordinator.get(`/api/v1/library/items/${shared.id}`)).statusCode).toBe(403);
  });
});

describe('safety', () => {
  it(`stores ${XSS_VECTORS.length} known XSS vectors and reads them back harmless`, async () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(30);
    const item = await create(teacher, { title: 'XSS' });
    for (const vector of XSS_VECTORS) {
      const res = await teacher.patch(`/api/v1/library/items/${item.id}`, { summary: vector, fields: { indhold: vector, maal: `<p>før</p>${vector}<p>efter</p>` } });
      expect(res.statusCode, vector).toBe(200);
      const back = (await teacher.get(`/api/v1/library/items/${item.id}`)).json();
      for (const html of [back.fields.indhold, back.fields.maal, back.linkedFields.maal]) {
        expect(html, vector).not.toMatch(/<\s*(script|svg|math|iframe|object|embed|style|img|form|input|base|meta|link|video|audio|details|body|frame|marquee)/i);
        expect(html, vector).not.toMatch(/\son\w+\s*=/i);
        expect(html, vector).not.toMatch(/(javascript|vbscript|data):/i);
        expect(html, vector).not.toMatch(/style\s*=/i);
      }
      expect(back.summary, vector).not.toMatch(/<[a-z!/]/i);
      const comment = await teacher.post(`/api/v1/library/items/${item.id}/comments`, { body: vector });
      expect(comment.json().body ?? '', vector).not.toMatch(/<[a-z!/]/i);
    }
    // legitimate formatting survives
    const ok = await teacher.patch(`/api/v1/library/items/${item.id}`, { fields: { indhold: '<h2>Plan</h2><ul><li><strong>Trin 1</strong></li></ul><p><a href="https://canvas.example/x">Canvas</a></p>' } });
    expect(ok.json().fields.indhold).toBe('<h2>Plan</h2><ul><li><strong>Trin 1</strong></li></ul><p><a href="https://canvas.example/x" rel="noopener noreferrer nofollow" target="_blank">Canvas</a></p>');
  });

  const multipart = (name: string, type: string, content: Buffer) => {
    const boundary = '----retning';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), Buffer.alloc(200, 32), Buffer.from('\n%%EOF\n')]);

  it('uploads within the limit by content type, refuses big and forbidden files, and serves attachments only', async () => {
    const m = await create(teacher, { kind: 'material', title: 'Svejseguide', materialType: 'document' });
    const up = multipart('guide.pdf', 'application/pdf', PDF);
    const ok = await teacher.request('POST', `/api/v1/library/items/${m.id}/file`, up.body, up.headers);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().file).toMatchObject({ name: 'guide.pdf', mime: 'application/pdf' });
    const dl = await teacher.get(`/api/v1/library/items/${m.id}/file`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const big = multipart('stor.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024, 65)]));
    const tooBig = await teacher.request('POST', `/api/v1/library/items/${m.id}/file`, big.body, big.headers);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'file_too_large' });
    for (const [name, type, content] of [
      ['side.html', 'text/html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['billede.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['falsk.pdf', 'application/pdf', Buffer.from('<script>alert(1)</script>')],
      ['program.exe', 'application/octet-stream', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0)])],
      ['noter.txt', 'text/plain', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ] as const) {
      const f = multipart(name, type, content);
      const res = await teacher.request('POST', `/api/v1/library/items/${m.id}/file`, f.body, f.headers);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code, name).toBe('file_type_forbidden');
    }
    // still the first file
    expect((await teacher.get(`/api/v1/library/items/${m.id}`)).json().file.name).toBe('guide.pdf');
  });
});

describe('spell check', () => {
  it('marks unknown Danish words for the author only and stores nothing', async () => {
    const item = await create(teacher, { title: 'Svejsning', fields: { ...fields(), maal: '<p>Eleverne giver feedbak på svejsningen</p>' } });
    const res = await teacher.post(`/api/v1/library/items/${item.id}/spellcheck`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const issue = res.json().issues.find((i: { word: string }) => i.word === 'feedbak');
    expect(issue).toMatchObject({ field: 'maal', suggestions: expect.arrayContaining(['feedback']) });
    await teacher.post(`/api/v1/library/items/${item.id}/share`);
    expect((await teammate.post(`/api/v1/library/items/${item.id}/spellcheck`)).statusCode).toBe(403);
    expect(JSON.stringify((await teammate.get(`/api/v1/library/items/${item.id}`)).json())).not.toContain('suggestions');
  });
});

describe('glossary and discussion', () => {
  it('the editorial group maintains terms, linked where they occur in a forløb', async () => {
    expect((await teacher.post('/api/v1/library/glossary', { term: 'Læreprocesser', definition: 'x' })).statusCode).toBe(403);
    const t = await editor.post('/api/v1/library/glossary', { term: 'Kantsøm', definition: 'En svejsesøm langs en kant' });
    expect(t.statusCode).toBe(201);
    expect((await editor.post('/api/v1/library/glossary', { term: 'kantsøm', definition: 'dublet' })).statusCode).toBe(409);
    const item = await create(teacher, { title: 'Om søm', fields: { ...fields(), indhold: '<p>Vi øver en kantsøm og en <a href="https://x.dk">kantsøm</a></p>' } });
    const back = (await teacher.get(`/api/v1/library/items/${item.id}`)).json();
    expect(back.linkedFields.indhold).toContain(`<a href="/videndeling/ordliste#term-${t.json().id}" class="glossary-term" data-term="${t.json().id}">kantsøm</a>`);
    expect(back.glossary.map((g: { term: string }) => g.term)).toEqual(['Kantsøm']);
  });
});
