import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { testApp } from '../../test/app';
import { startTestSmtp } from '../../test/smtp';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { eq } from 'drizzle-orm';
import { RELATION_FIELDS } from './model';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const inbox = smtp.inbox;
const { app, database } = await testApp({ mailer: createMailer(smtp.url, 'Retning <retning@test>') });
// the same feature without SMTP: only the in-app notice
const noMail = await testApp();
const db = database.db;

const fields = Object.fromEntries(RELATION_FIELDS.map((f) => [f, `<p>Svejsning og feedback (${f})</p>`]));
let school: BuiltSchool;
let other: BuiltSchool;
let author: BuiltPerson;
let editorPerson: BuiltPerson;
let consultantPerson: BuiltPerson;
let coAuthorEditor: BuiltPerson;
let disabledEditor: BuiltPerson;
let otherSchoolEditor: BuiltPerson;
let teacherPerson: BuiltPerson;
let teacher: TestClient;
let editor: TestClient;
let consultant: TestClient;
let plainTeacher: TestClient;

beforeAll(async () => {
  school = await buildSchool(db, { name: 'Svejseskolen Ærø' });
  other = await buildSchool(db);
  author = await buildPerson(db, school, { roles: ['teacher'], name: 'Lone Lærer' });
  editorPerson = await buildPerson(db, school, { roles: ['editorial'], name: 'Erik Redaktør' });
  consultantPerson = await buildPerson(db, school, { roles: ['internal_consultant'], name: 'Karin Konsulent' });
  coAuthorEditor = await buildPerson(db, school, { roles: ['editorial', 'teacher'], name: 'Carl Medforfatter' });
  disabledEditor = await buildPerson(db, school, { roles: ['editorial'], name: 'Dorte Deaktiveret' });
  await db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.email, disabledEditor.email));
  otherSchoolEditor = await buildPerson(db, other, { roles: ['editorial'] });
  teacherPerson = await buildPerson(db, school, { roles: ['teacher'] });
  teacher = await signIn(app, author.email);
  editor = await signIn(app, editorPerson.email);
  consultant = await signIn(app, consultantPerson.email);
  plainTeacher = await signIn(app, teacherPerson.email);
});

const submitNew = async (title: string, coAuthorIds: string[] = []) => {
  const created = await teacher.post('/api/v1/library/items', { kind: 'forlob', title, fields, coAuthorIds });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const res = await teacher.post(`/api/v1/library/items/${id}/submit`);
  expect(res.statusCode, res.body).toBe(200);
  return id;
};
const summary = async (c: TestClient) => {
  const res = await c.get('/api/v1/library/review/summary');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { waiting: number; mine: number };
};

describe('"til review" notifies the editorial group', () => {
  it('e-mails each member of the editorial group in Danish with a link, never the authors, a disabled account or another school', async () => {
    const before = await summary(editor);
    const id = await submitNew('Kantsøm med feedback', [coAuthorEditor.id]);
    const mails = inbox.filter((m) => m.subject === 'Til review: Kantsøm med feedback');
    const to = mails.flatMap((m) => m.to).sort();
    expect(to).toEqual([editorPerson.email, consultantPerson.email].sort());
    for (const who of [author, coAuthorEditor, disabledEditor, otherSchoolEditor, teacherPerson]) expect(to).not.toContain(who.email);
    const mail = mails[0];
    expect(mail?.text).toMatch(/Lone Lærer har indsendt «Kantsøm med feedback» \(forløb\) til review på Svejseskolen Ærø/);
    expect(mail?.text).toContain(`/videndeling/${id}`);
    expect(mail?.text).toMatch(/redaktionsgruppen/);
    // in the app: the count on "Review" grows for the editorial group
    expect((await summary(editor)).waiting).toBe(before.waiting + 1);
    expect((await summary(consultant)).waiting).toBe(before.waiting + 1);
  });

  it('counts what waits and what the reviewer has taken; the count is the editorial group’s only', async () => {
    const id = await submitNew('Logbog i praktik');
    const before = await summary(editor);
    expect((await editor.post(`/api/v1/library/items/${id}/take`)).statusCode).toBe(200);
    const after = await summary(editor);
    expect(after).toEqual({ waiting: before.waiting - 1, mine: before.mine + 1 });
    expect((await summary(consultant)).mine).toBe(0);
    // teachers have no review queue
    expect((await plainTeacher.get('/api/v1/library/review/summary')).statusCode).toBe(403);
    expect((await teacher.get('/api/v1/library/review/summary')).statusCode).toBe(403);
  });

  it('an editor does not count their own submission as waiting for them', async () => {
    const own = await editor.post('/api/v1/library/items', { kind: 'forlob', title: 'Redaktørens eget forløb', fields });
    const before = await summary(editor);
    const consultantBefore = await summary(consultant);
    const mailsBefore = inbox.length;
    expect((await editor.post(`/api/v1/library/items/${own.json().id}/submit`)).statusCode).toBe(200);
    expect((await summary(editor)).waiting).toBe(before.waiting);
    expect((await summary(consultant)).waiting).toBe(consultantBefore.waiting + 1);
    const sent = inbox.slice(mailsBefore).flatMap((m) => m.to);
    expect(sent).toContain(consultantPerson.email);
    expect(sent).not.toContain(editorPerson.email);
  });

  it('without SMTP the submission still succeeds and the queue count shows it', async () => {
    const s = await buildSchool(noMail.database.db);
    const t = await signIn(noMail.app, (await buildPerson(noMail.database.db, s, { roles: ['teacher'] })).email);
    const e = await signIn(noMail.app, (await buildPerson(noMail.database.db, s, { roles: ['editorial'] })).email);
    const mailsBefore = inbox.length;
    const created = await t.post('/api/v1/library/items', { kind: 'forlob', title: 'Uden mail', fields });
    expect((await t.post(`/api/v1/library/items/${created.json().id}/submit`)).statusCode).toBe(200);
    const res = await e.get('/api/v1/library/review/summary');
    expect(res.json()).toEqual({ waiting: 1, mine: 0 });
    expect(inbox.length).toBe(mailsBefore);
  });
});

