import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people, personRoles } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';
import { buildPerson, buildSchool } from '../../test/factories';

/*
 * The import gives the people of its file a role and invites them in the same step: the role to
 * those who hold none yet, invitations to those never invited; links to copy without SMTP,
 * e-mails with it. All in the import's transaction, each person audited as on their own page.
 */
const { app, database } = await testApp();
const db = database.db;

async function newSchool(d = db, a = app) {
  const school = await buildSchool(d, { departments: ['Bygge og Anlæg'] });
  const adminPerson = await buildPerson(d, school, { roles: ['school_admin'], departmentId: null });
  return { school, admin: await signIn(a, adminPerson.email) };
}

const rolesOf = async (personId: string, d = db) =>
  (await d.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, personId)).orderBy(asc(personRoles.role))).map((r) => r.role);
const personBy = async (schoolId: string, email: string, d = db) => (await d.select().from(people).where(and(eq(people.schoolId, schoolId), eq(people.email, email))))[0];
const csv = (...rows: string[]) => ['Navn;E-mail;Afdeling', ...rows].join('\r\n');

describe('import with a role and invitations, without SMTP', () => {
  it('gives the role to those without one, invites those never invited, and hands back working links', async () => {
    const { school, admin } = await newSchool();
    const director = await buildPerson(db, school, { name: 'Dorte Direktør', email: 'dorte@grant.example', roles: ['top_management'] });
    const waiting = await buildPerson(db, school, { name: 'Ulla Uden Rolle', email: 'ulla@grant.example', account: false });
    const file = csv('Nina Ny;nina@grant.example;Bygge og Anlæg', 'Dorte Direktør;DORTE@grant.example;', 'Ulla Uden Rolle;ulla@grant.example;');

    const res = await admin.post('/api/v1/people/import?role=teacher&invite=true', file);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 1, role: { role: 'teacher', given: 2 }, invitations: { emailed: 0, notInvited: [] } });
    const invited = body.invitations.invited as { name: string; email: string; link: string }[];
    expect(invited.map((i) => i.email).sort()).toEqual(['nina@grant.example', 'ulla@grant.example']);
    for (const i of invited) expect(i.link).toMatch(/\/invitation\/[\w-]{40,}$/);

    const nina = await personBy(school.id, 'nina@grant.example');
    expect(await rolesOf(nina?.id ?? '')).toEqual(['teacher']);
    expect(await rolesOf(waiting.id)).toEqual(['teacher']);
    // the director keeps exactly her roles, and her account is not invited again
    expect(await rolesOf(director.id)).toEqual(['top_management']);
    expect(nina?.accountId).not.toBeNull();

    // the link names the new person and works once
    const token = invited.find((i) => i.email === 'nina@grant.example')?.link.split('/').pop() ?? '';
    const described = await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` });
    expect(described.json()).toMatchObject({ kind: 'invite', email: 'nina@grant.example', name: 'Nina Ny' });
    expect((await app.inject({ method: 'POST', url: `/api/v1/auth/tokens/${token}`, payload: { password: 'en-lang-god-kode-1' } })).statusCode).toBe(204);

    // each person's page tells who gave the role and the invitation
    const events = await db
      .select({ action: auditEvents.action, resourceId: auditEvents.resourceId })
      .from(auditEvents)
      .where(eq(auditEvents.schoolId, school.id));
    const about = (id: string | undefined) => events.filter((e) => e.resourceId === id).map((e) => e.action).sort();
    expect(about(nina?.id)).toEqual(['person.invited', 'person.roles_changed']);
    expect(about(waiting.id)).toEqual(['person.invited', 'person.roles_changed']);
    expect(about(director.id)).toEqual([]);
    const [imported] = (await admin.get('/api/v1/audit?action=people.imported')).json().items;
    expect(imported.changes).toMatchObject({ role: 'teacher', roleGiven: 2, invited: 2 });

    // the same file again: everyone has a role and has been invited, so nothing more happens
    const again = (await admin.post('/api/v1/people/import?role=teacher&invite=true', file)).json();
    expect(again).toMatchObject({ created: 0, role: { given: 0 }, invitations: { invited: [], notInvited: [] } });
  });

  it('streams the same answer as its last line', async () => {
    const { school, admin } = await newSchool();
    const res = await admin.post('/api/v1/people/import?role=it_ambassador&invite=true', csv('Sofie Strøm;sofie@stream-grant.example;'), { accept: 'application/x-ndjson' });
    const last = JSON.parse(res.body.trim().split('\n').at(-1) ?? '{}');
    expect(last).toMatchObject({ type: 'done', created: 1, role: { role: 'it_ambassador', given: 1 }, invitations: { emailed: 0 } });
    expect(last.invitations.invited[0].link).toMatch(/\/invitation\//);
    expect(await rolesOf((await personBy(school.id, 'sofie@stream-grant.example'))?.id ?? '')).toEqual(['it_ambassador']);
  });

  it('does not hand over a link to an account that also signs in to another school', async () => {
    const { school, admin } = await newSchool();
    const other = await buildSchool(db);
    await buildPerson(db, other, { email: 'delt@grant.example', roles: ['teacher'] });
    const res = (await admin.post('/api/v1/people/import?invite=true', csv('Delt Konto;delt@grant.example;'))).json();
    expect(res.invitations).toEqual({ emailed: 0, invited: [], notInvited: [{ name: 'Delt Konto', email: 'delt@grant.example', reason: 'account_shared' }] });
    expect((await personBy(school.id, 'delt@grant.example'))?.accountId).toBeNull();
    expect(res.role).toBeUndefined();
  });

  it('refuses an unknown role, the administrator role and a wrong invite flag (422 naming the field), writing nothing', async () => {
    const { school, admin } = await newSchool();
    for (const [query, field] of [
      ['role=rektor', 'role'],
      ['role=school_admin', 'role'],
      ['invite=ja', 'invite'],
    ] as const) {
      const res = await admin.post(`/api/v1/people/import?${query}`, csv(`Afvist;afvist-${field}@grant.example;`));
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const [n] = await db.select({ n: count() }).from(people).where(eq(people.schoolId, school.id));
    expect(n?.n).toBe(1);
  });

  it('gives no role and no invitation from a file with errors', async () => {
    const { school, admin } = await newSchool();
    const res = await admin.post('/api/v1/people/import?role=teacher&invite=true', csv('God Række;god@grant.example;', 'Fejl;ikke-en-mail;'));
    expect(res.statusCode).toBe(422);
    expect(await personBy(school.id, 'god@grant.example')).toBeUndefined();
  });
});

describe('import with invitations and SMTP', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(() => smtp.close());

  it('e-mails each invitation instead of returning links', async () => {
    const mail = await testApp({ mailer: createMailer(smtp.url, 'Retning <retning@test>') });
    const { school, admin } = await newSchool(mail.database.db, mail.app);
    const res = await admin.post('/api/v1/people/import?role=teacher&invite=true', csv('Mads Mail;mads@mail-grant.example;', 'Mia Mail;mia@mail-grant.example;'));
    expect(res.statusCode).toBe(200);
    expect(res.json().invitations).toMatchObject({ emailed: 2, notInvited: [] });
    expect(res.json().invitations.invited.map((i: { link: string | null }) => i.link)).toEqual([null, null]);
    const to = smtp.inbox.flatMap((m) => m.to).sort();
    expect(to).toEqual(['mads@mail-grant.example', 'mia@mail-grant.example']);
    expect(smtp.inbox[0]?.text).toMatch(/\/invitation\/[\w-]{40,}/);
    expect(smtp.inbox[0]?.subject).toContain(school.name);
  });
});
