import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, accountTokens, auditEvents, people, schools, sessions } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { linesOf, manifestOf, readArchive } from './archive.fixtures';

const { app, database } = await testApp();
const db = database.db;

const auditCount = async (schoolId: string) => (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, schoolId)))[0]?.n;
const schoolRow = async (id: string) => (await db.select().from(schools).where(eq(schools.id, id)))[0];

let school: BuiltSchool;
let adminPerson: BuiltPerson;
let admin: TestClient;
let boss: TestClient;
beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor', 'Sundhed'] });
  adminPerson = await buildPerson(db, school, { roles: ['school_admin'] });
  admin = await signIn(app, adminPerson.email);
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'] })).email);
});

describe('school settings', () => {
  it('reads the school for every member', async () => {
    const res = await boss.get('/api/v1/school');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: school.id,
      name: school.name,
      institutionNumber: null,
      settings: { defaultLocale: 'da', schoolYearStartMonth: 8 },
      storage: { quotaBytes: 5 * 1024 * 1024 * 1024, usedBytes: 0 },
    });
  });

  it('updates name, institution number and settings, and audits it', async () => {
    const res = await admin.patch('/api/v1/school', { name: 'Ny Skole Ærø', institutionNumber: '123456', settings: { defaultLocale: 'en', schoolYearStartMonth: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Ny Skole Ærø', institutionNumber: '123456', settings: { defaultLocale: 'en', schoolYearStartMonth: 1 } });
    expect(await schoolRow(school.id)).toMatchObject({ name: 'Ny Skole Ærø', institutionNumber: '123456' });
    const cleared = await admin.patch('/api/v1/school', { institutionNumber: null });
    expect(cleared.json()).toMatchObject({ name: 'Ny Skole Ærø', institutionNumber: null });
    const events = (await admin.get('/api/v1/audit?action=school.updated')).json().items;
    expect(events).toHaveLength(2);
    expect(events[1].changes).toMatchObject({ institutionNumber: '123456' });
  });

  it('rejects a bad institution number and bad settings, naming the field, writing nothing', async () => {
    const before = { row: await schoolRow(school.id), audit: await auditCount(school.id) };
    for (const institutionNumber of ['12345', '1234567', 'abcdef', 123456]) {
      const res = await admin.patch('/api/v1/school', { institutionNumber });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['institutionNumber']);
    }
    const month = await admin.patch('/api/v1/school', { settings: { defaultLocale: 'da', schoolYearStartMonth: 13 } });
    expect(month.statusCode).toBe(422);
    expect(month.json().errors[0].field).toBe('settings.schoolYearStartMonth');
    const locale = await admin.patch('/api/v1/school', { settings: { defaultLocale: 'de', schoolYearStartMonth: 8 } });
    expect(locale.json().errors[0].field).toBe('settings.defaultLocale');
    const extra = await admin.patch('/api/v1/school', { settings: { defaultLocale: 'da', schoolYearStartMonth: 8, theme: 'dark' } });
    expect(extra.json().errors[0].field).toBe('settings.theme');
    const partial = await admin.patch('/api/v1/school', { settings: { defaultLocale: 'da' } });
    expect(partial.statusCode).toBe(422);
    const name = await admin.patch('/api/v1/school', { name: '' });
    expect(name.json().errors[0].field).toBe('name');
    const networkId = await admin.patch('/api/v1/school', { networkId: school.networkId });
    expect(networkId.json().errors[0].field).toBe('networkId');
    expect({ row: await schoolRow(school.id), audit: await auditCount(school.id) }).toEqual(before);
  });

  it('lets top management read but not change the school (403)', async () => {
    const before = await schoolRow(school.id);
    const res = await boss.patch('/api/v1/school', { name: 'Direktionens skole' });
    expect(res.statusCode).toBe(403);
    expect(await schoolRow(school.id)).toEqual(before);
    expect((await boss.get('/api/v1/school/export')).statusCode).toBe(403);
  });
});

describe('overview', () => {
  it('counts active people per active department and totals', async () => {
    const s = await buildSchool(db, { departments: ['Alfa', 'Beta', 'Gamma'] });
    const [alfa, beta, gamma] = s.departments;
    const a = await buildPerson(db, s, { roles: ['teacher'], departmentId: alfa?.id });
    await buildPerson(db, s, { departmentId: alfa?.id, account: false });
    await buildPerson(db, s, { departmentId: alfa?.id, account: false, active: false });
    await buildPerson(db, s, { departmentId: beta?.id, account: false });
    await buildPerson(db, s, { departmentId: null, account: false });
    const sAdmin = await signIn(app, (await buildPerson(db, s, { roles: ['school_admin'], departmentId: null })).email);
    await sAdmin.patch(`/api/v1/departments/${gamma?.id}`, { archived: true });
    await sAdmin.post('/api/v1/programmes', { name: 'Tømrer' });
    await sAdmin.post('/api/v1/teams', { name: 'Hold 1' });
    // the statistics are for leaders and administrators; a teacher is refused
    expect((await (await signIn(app, a.email)).get('/api/v1/overview')).statusCode).toBe(403);
    const res = await sAdmin.get('/api/v1/overview');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.school).toMatchObject({ id: s.id, name: s.name });
    expect(body.departments).toEqual([
      { id: alfa?.id, name: 'Alfa', people: 2 },
      { id: beta?.id, name: 'Beta', people: 1 },
    ]);
    expect(body.totals).toEqual({ people: 5, departments: 2, programmes: 1, teams: 1 });
    expect(body.sigtelinjer).toHaveLength(4);
  });
});

describe('export', () => {
  it("exports only this school's data as an audited .tar.gz: its people's accounts with password hashes, never sessions or links", async () => {
    const other = await buildSchool(db);
    const stranger = await buildPerson(db, other, { name: 'Fremmed Fiskesen', roles: ['teacher'] });
    await signIn(app, stranger.email);
    const invited = await buildPerson(db, school, { name: 'Inviteret Ivarsen', account: false });
    const invitation = await admin.post(`/api/v1/people/${invited.id}/invitation`);
    expect(invitation.statusCode).toBe(200);
    const rawLinkToken = String(invitation.json().link).split('/').pop() ?? '';
    expect(rawLinkToken.length).toBeGreaterThan(20);

    const res = await admin.get('/api/v1/school/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="retning-eksport-\d{4}-\d{2}-\d{2}\.tar\.gz"$/);
    expect(res.headers['content-type']).toBe('application/gzip');
    const entries = await readArchive(res.rawPayload);
    const manifest = manifestOf(entries);
    expect(manifest.school.id).toBe(school.id);
    const exported = linesOf(entries, 'people').map((l) => JSON.parse(l) as { email: string; school_id: string });
    expect(exported.map((p) => p.email)).toEqual(expect.arrayContaining([adminPerson.email, invited.email]));
    const [mine] = await db.select({ n: count() }).from(people).where(eq(people.schoolId, school.id));
    expect(exported).toHaveLength(mine?.n ?? -1);
    const departments = linesOf(entries, 'departments').map((l) => JSON.parse(l) as { school_id: string });
    expect(departments.map((d) => d.school_id)).toEqual(school.departments.map(() => school.id));

    const text = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
    expect(text).not.toContain(stranger.email);
    expect(text).not.toContain('Fremmed Fiskesen');
    expect(text).not.toContain(other.id);

    // The accounts of the school's people come with their password hashes, so that they can sign in after a move.
    const accountIds = (await db.select({ id: people.accountId }).from(people).where(eq(people.schoolId, school.id))).map((r) => r.id).filter((x): x is string => !!x);
    const hashes = (await db.select({ h: accounts.passwordHash }).from(accounts).where(inArray(accounts.id, accountIds))).map((r) => r.h).filter((x): x is string => !!x);
    expect(hashes.length).toBeGreaterThan(1);
    for (const hash of hashes) expect(text).toContain(hash);
    // Never sessions, their CSRF tokens or one-time links.
    const secrets = [
      ...(await db.select({ h: sessions.tokenHash, c: sessions.csrfToken }).from(sessions).where(inArray(sessions.accountId, accountIds))).flatMap((r) => [r.h, r.c]),
      ...(await db.select({ h: accountTokens.tokenHash }).from(accountTokens).where(inArray(accountTokens.accountId, accountIds))).map((r) => r.h),
      rawLinkToken,
      admin.csrfToken,
    ].filter((x): x is string => !!x);
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/csrf_token/);
    expect(manifest.tables.map((t) => t.name)).not.toEqual(expect.arrayContaining(['sessions']));
    expect(manifest.tables.map((t) => t.name)).not.toEqual(expect.arrayContaining(['account_tokens']));

    const events = (await admin.get('/api/v1/audit?action=school.exported')).json().items;
    expect(events).toHaveLength(1);
    expect(events[0].resourceId).toBe(school.id);
  });
});
