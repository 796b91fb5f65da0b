import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson } from '../../test/factories';
import { startTestSmtp } from '../../test/smtp';
import { addDays } from '../home/api';
import { companyOf, placementOf, teamOf } from './logbook-fixtures';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const { app, database } = await testApp({ mailer: createMailer(smtp.url, 'Retning <retning@test>') });
const noMail = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const API = '/api/v1/internship/logbook';

let student: BuiltPerson;
let teacher: BuiltPerson;
let supervisor: BuiltPerson;
let placementId: string;
const quiet: BuiltPerson[] = [];
let asStudent: TestClient;
let asTeacher: TestClient;

beforeAll(async () => {
  const school = await buildSchool(db, { name: 'Tømrerskolen Vest' });
  student = await buildPerson(db, school, { roles: ['student'], name: 'Sofie Elev' });
  teacher = await buildPerson(db, school, { roles: ['teacher'], name: 'Lars Lærer' });
  supervisor = await buildPerson(db, school, { roles: ['company_supervisor'], name: 'Vera Vejleder' });
  const disabledTeacher = await buildPerson(db, school, { roles: ['teacher'] });
  await db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.email, disabledTeacher.email));
  const otherTeacher = await buildPerson(db, school, { roles: ['teacher'] });
  const formerSupervisor = await buildPerson(db, school, { roles: ['company_supervisor'] });
  const classmate = await buildPerson(db, school, { roles: ['student'] });
  quiet.push(disabledTeacher, otherTeacher, formerSupervisor, classmate);
  await teamOf(db, school.id, [student.id, teacher.id, disabledTeacher.id, classmate.id]);
  await teamOf(db, school.id, [otherTeacher.id]);
  // the former supervisor's period ended 41 days ago: outside his window
  await placementOf(db, school.id, student.id, await companyOf(db, school.id, [formerSupervisor.id]), addDays(today, -80), 40);
  placementId = await placementOf(db, school.id, student.id, await companyOf(db, school.id, [supervisor.id]), addDays(today, -5), 30);
  asStudent = await signIn(app, student.email);
  asTeacher = await signIn(app, teacher.email);
});

describe('logbook e-mails', () => {
  it('a new entry goes to the student’s teachers and current supervisor after the commit, in Danish with a link', async () => {
    const before = smtp.inbox.length;
    const res = await asStudent.post(`${API}/students/${student.id}/entries`, { placementId, entryDate: today, title: 'Første dag på pladsen' });
    expect(res.statusCode, res.body).toBe(201);
    const mails = smtp.inbox.slice(before);
    expect(mails.flatMap((m) => m.to).sort()).toEqual([teacher.email, supervisor.email].sort());
    for (const q of [student, ...quiet]) expect(mails.flatMap((m) => m.to)).not.toContain(q.email);
    expect(mails[0]?.subject).toBe('Nyt i logbogen: Sofie Elev');
    expect(mails[0]?.text).toContain('«Første dag på pladsen»');
    expect(mails[0]?.text).toContain(`/praktik/elever/${student.id}`);
  });

  it('a comment goes to the student, never to the one who wrote it; a refused request sends nothing', async () => {
    const entry = (await asStudent.post(`${API}/students/${student.id}/entries`, { placementId, entryDate: today, title: 'Tagrender' })).json();
    const before = smtp.inbox.length;
    expect((await asTeacher.post(`${API}/entries/${entry.id}/comments`, { body: 'Husk faldet på renden' })).statusCode).toBe(201);
    const mails = smtp.inbox.slice(before);
    expect(mails.map((m) => m.to)).toEqual([[student.email]]);
    expect(mails[0]?.subject).toBe('Ny kommentar i din logbog');
    expect(mails[0]?.text).toContain('Lars Lærer har kommenteret dit logbogsindlæg «Tagrender»');
    const after = smtp.inbox.length;
    expect((await asStudent.post(`${API}/entries/${entry.id}/comments`, { body: 'Tak' })).statusCode).toBe(201);
    expect((await asStudent.post(`${API}/students/${student.id}/entries`, { placementId, entryDate: today, videoUrl: 'http://x.example' })).statusCode).toBe(422);
    expect(smtp.inbox.length).toBe(after);
  });

  it('without SMTP the entry is stored and nothing is sent', async () => {
    const s = await buildSchool(noMail.database.db);
    const st = await buildPerson(noMail.database.db, s, { roles: ['student'] });
    const t = await buildPerson(noMail.database.db, s, { roles: ['teacher'] });
    await teamOf(noMail.database.db, s.id, [st.id, t.id]);
    const p = await placementOf(noMail.database.db, s.id, st.id, null, today, 5);
    const before = smtp.inbox.length;
    const res = await (await signIn(noMail.app, st.email)).post(`${API}/students/${st.id}/entries`, { placementId: p, entryDate: today, title: 'Uden mail' });
    expect(res.statusCode).toBe(201);
    expect(smtp.inbox.length).toBe(before);
  });
});
