import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../db/raw';
import {
  accounts,
  auditEvents,
  calendarFeeds,
  checkins,
  competenceAreaTotals,
  competenceAssessments,
  competenceContracts,
  competenceCourses,
  competenceEnrolments,
  competenceRounds,
  externalIdentities,
  initiativeComments,
  initiatives,
  libraryComments,
  libraryItems,
  libraryReviews,
  networkEventProjects,
  networkEventSessions,
  networkEventSignups,
  networkEvents,
  people,
  personRoles,
  personTeams,
  sessions,
  signInProviders,
  teams,
} from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { translate } from '../../platform/messages';
import { todayInCopenhagen } from '../../platform/time';
import { ensureFramework, writeAssessments } from '../competence/api';
import { erasePerson } from './data-rights';

const storageDir = await mkdtemp(join(tmpdir(), 'retning-gdpr-'));
afterAll(() => rm(storageDir, { recursive: true, force: true }));
const { app, database, config } = await testApp({ config: { storageDir } });
const db = database.db;
const today = todayInCopenhagen();
const FORMER = 'Tidligere medarbejder';

type World = {
  school: BuiltSchool;
  dept: string;
  admin: TestClient;
  adminPerson: BuiltPerson;
  subject: BuiltPerson;
  subjectClient: TestClient;
  head: BuiltPerson;
  colleague: BuiltPerson;
  roundId: string;
  published: string;
  draft: string;
  draftFile: string;
  colleagueItem: string;
  initiative: string;
};

/** A school where the subject has data in every module: profile, roles and a team, answers, a course, a contract, library items, a comment and a review, an initiative with a check-in and a comment, a calendar subscription, a session and audit events. */
async function buildWorld(name: string): Promise<World> {
  const school = await buildSchool(db, { departments: ['Data og Kommunikation'] });
  const dept = school.departments[0]?.id ?? '';
  const adminPerson = await buildPerson(db, school, { roles: ['school_admin'], departmentId: null });
  const admin = await signIn(app, adminPerson.email);
  const subject = await buildPerson(db, school, { roles: ['teacher'], name, departmentId: dept });
  const head = await buildPerson(db, school, { roles: ['department_head'], departmentId: dept });
  const colleague = await buildPerson(db, school, { roles: ['teacher'], departmentId: dept });
  const others = await Promise.all([1, 2, 3, 4, 5].map(() => buildPerson(db, school, { roles: ['teacher'], departmentId: dept })));

  const [team] = await db.insert(teams).values({ schoolId: school.id, name: `Team ${randomUUID().slice(0, 6)}` }).returning();
  await db.insert(personTeams).values({ schoolId: school.id, personId: subject.id, teamId: team?.id ?? '' });

  const frameworkId = await ensureFramework(db, school.id, 'staff');
  const [round] = await db.insert(competenceRounds).values({ schoolId: school.id, frameworkId, title: 'Kortlægning', opensOn: today, closesOn: today, closedAt: new Date() }).returning();
  const roundId = round?.id ?? '';
  await writeAssessments(db, school.id, roundId, frameworkId, [subject, ...others], (p) => (p === 0 ? 6 : 2));
  const [course] = await db
    .insert(competenceCourses)
    .values({ schoolId: school.id, title: 'Digital didaktik', format: 'presence', targets: [], audience: { allStaff: true, newHires: false, levelZero: false, departmentIds: [] } })
    .returning();
  await db.insert(competenceEnrolments).values({ schoolId: school.id, courseId: course?.id ?? '', personId: subject.id, status: 'enrolled', source: 'self', rating: 4, comment: 'Godt forløb' });
  await db.insert(competenceContracts).values({ schoolId: school.id, personId: subject.id, leaderPersonId: head.id, status: 'agreed', content: { goals: [], activities: [], followUps: [], note: 'Mål for året' } });

  const item = async (authorId: string, status: string, extra: Partial<typeof libraryItems.$inferInsert> = {}) => {
    const [row] = await db
      .insert(libraryItems)
      .values({ schoolId: school.id, kind: 'forlob', authorId, title: `Forløb ${randomUUID().slice(0, 6)}`, status, publishedAt: status === 'published' ? new Date() : null, ...extra })
      .returning();
    return row?.id ?? '';
  };
  const published = await item(subject.id, 'published');
  const draftFile = `${school.id}/${randomUUID()}`;
  await mkdir(join(storageDir, school.id), { recursive: true });
  await writeFile(join(storageDir, draftFile), 'kladdens fil');
  const draft = await item(subject.id, 'draft', { kind: 'material', fileKey: draftFile, fileName: 'kladde.txt', fileMime: 'text/plain', fileSize: 12 });
  const colleagueItem = await item(colleague.id, 'published');
  await db.insert(libraryReviews).values({ schoolId: school.id, itemId: colleagueItem, version: 1, reviewerId: subject.id, decision: 'approved', feedback: 'Fint', decidedAt: new Date() });

  const subjectClient = await signIn(app, subject.email);
  expect((await subjectClient.post(`/api/v1/library/items/${colleagueItem}/comments`, { body: 'Det vil jeg prøve i min klasse' })).statusCode).toBe(201);

  const [initiative] = await db
    .insert(initiatives)
    .values({ schoolId: school.id, title: 'Chromebooks i værkstedet', why: 'Bedre dokumentation', level: 'department', departmentId: dept, ownerId: subject.id, startsOn: today, endsOn: today })
    .returning();
  await db.insert(checkins).values({ schoolId: school.id, initiativeId: initiative?.id ?? '', heldOn: today, progress: 40, decisions: 'Vi fortsætter', authorId: subject.id, authorName: subject.name });
  await db.insert(initiativeComments).values({ schoolId: school.id, initiativeId: initiative?.id ?? '', body: 'Husk opladerne', authorId: subject.id, authorName: subject.name });
  await db.insert(calendarFeeds).values({ schoolId: school.id, tokenHash: randomUUID(), createdBy: subject.accountId });

  const [event] = await db.insert(networkEvents).values({ networkId: school.networkId, kind: 'learning_factory', title: 'Learning Factory om AI', status: 'published' }).returning();
  const eventId = event?.id ?? '';
  const [session] = await db
    .insert(networkEventSessions)
    .values({ eventId, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), place: 'Odense', capacity: 10 })
    .returning();
  await db.insert(networkEventSignups).values({ sessionId: session?.id ?? '', eventId, schoolId: school.id, personId: subject.id, status: 'confirmed' });
  await db.insert(networkEventProjects).values({ eventId, schoolId: school.id, personId: subject.id, problem: 'Fravær i første skoleperiode' });
  const [provider] = await db
    .insert(signInProviders)
    .values({ schoolId: school.id, kind: 'unilogin', label: 'UNI-Login', issuer: 'https://broker.unilogin.example', clientId: 'retning', clientSecretEnc: 'v1:x:y:z' })
    .returning();
  await db.insert(externalIdentities).values({ schoolId: school.id, providerId: provider?.id ?? '', subject: 'dorte1234', accountId: subject.accountId ?? '', personId: subject.id });

  expect((await admin.patch(`/api/v1/people/${subject.id}`, { jobTitle: 'Faglærer i it' })).statusCode).toBe(200);
  return { school, dept, admin, adminPerson, subject, subjectClient, head, colleague, roundId, published, draft, draftFile, colleagueItem, initiative: initiative?.id ?? '' };
}

let w: World;
beforeAll(async () => {
  w = await buildWorld(`Dorte Datasen ${randomUUID().slice(0, 6)}`);
});

type Export = { person: { name: string }; modules: Record<string, Record<string, unknown>> };
const listOf = (x: unknown) => (Array.isArray(x) ? x : []);

describe('a person exports their data (GDPR art. 15/20)', () => {
  it('holds data from every module for a person who has some in each', async () => {
    const res = await w.subjectClient.get('/api/v1/me/data');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json() as Export;
    const m = data.modules;
    expect(Object.keys(m).sort()).toEqual([
      'audit', 'auth', 'calendar', 'competence', 'dialogue', 'events', 'home', 'internship', 'library', 'people', 'sign-in', 'strategy', 'surveys',
    ]);
    expect(listOf(m.events?.eventSignups)).toEqual([expect.objectContaining({ event: 'Learning Factory om AI', status: 'confirmed', place: 'Odense' })]);
    expect(listOf(m.events?.eventProjects)).toEqual([expect.objectContaining({ problem: 'Fravær i første skoleperiode' })]);
    expect(listOf(m['sign-in']?.identities)).toEqual([expect.objectContaining({ provider: 'UNI-Login', subject: 'dorte1234' })]);
    expect(m.people?.profile).toMatchObject({ name: w.subject.name, email: w.subject.email, jobTitle: 'Faglærer i it', department: 'Data og Kommunikation' });
    expect(m.people?.roles).toEqual([expect.objectContaining({ role: 'teacher' })]);
    expect(listOf(m.people?.teams)).toHaveLength(1);
    expect(listOf(m.competence?.assessments)).toHaveLength(1);
    expect(listOf(m.competence?.courses)).toEqual([expect.objectContaining({ course: 'Digital didaktik', rating: 4, comment: 'Godt forløb' })]);
    expect(listOf(m.competence?.contracts)).toHaveLength(1);
    expect(listOf(m.library?.itemsAuthored)).toHaveLength(2);
    expect(listOf(m.library?.comments)).toEqual([expect.objectContaining({ body: 'Det vil jeg prøve i min klasse' })]);
    expect(listOf(m.library?.reviews)).toEqual([expect.objectContaining({ decision: 'approved', feedback: 'Fint' })]);
    expect(listOf(m.strategy?.initiativesOwned)).toEqual([expect.objectContaining({ title: 'Chromebooks i værkstedet' })]);
    expect(listOf(m.strategy?.checkins)).toEqual([expect.objectContaining({ decisions: 'Vi fortsætter' })]);
    expect(listOf(m.strategy?.comments)).toEqual([expect.objectContaining({ body: 'Husk opladerne' })]);
    expect(listOf(m.calendar?.subscriptions)).toHaveLength(1);
    expect(m.auth?.account).toMatchObject({ email: w.subject.email, hasPassword: true });
    expect(listOf(m.auth?.sessions).length).toBeGreaterThan(0);
    const events = listOf(m.audit?.events) as { action: string; about: boolean }[];
    expect(events.some((e) => e.action === 'library.commented' && !e.about)).toBe(true);
    expect(events.some((e) => e.action === 'person.updated' && e.about)).toBe(true);

    // the PDF shows every field under a label in both languages, and every module under its name
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
      }
    };
    Object.values(m).forEach(walk);
    for (const locale of ['da', 'en'] as const) {
      expect([...keys].filter((k) => translate(locale, `personalData.fields.${k}`) === `personalData.fields.${k}`)).toEqual([]);
      expect(Object.keys(m).filter((k) => translate(locale, `personalData.modules.${k}`) === `personalData.modules.${k}`)).toEqual([]);
    }
  });

  it('the administrator exports the same for a person, audited; nobody else may', async () => {
    const res = await w.admin.get(`/api/v1/people/${w.subject.id}/data`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as Export).person.name).toBe(w.subject.name);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, w.school.id), eq(auditEvents.action, 'person.data_exported')));
    expect(event?.resourceId).toBe(w.subject.id);
    expect((await w.subjectClient.get(`/api/v1/people/${w.colleague.id}/data`)).statusCode).toBe(403);
    expect((await w.subjectClient.get(`/api/v1/people/${w.subject.id}/data.pdf`)).statusCode).toBe(403);
  });

  it('the PDF is a PDF with the name, in the person\'s language', async () => {
    const res = await w.subjectClient.get('/api/v1/me/data.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1')).toContain(`Data om ${w.subject.name} i Retning`);
    await db.update(accounts).set({ locale: 'en' }).where(eq(accounts.id, w.subject.accountId ?? ''));
    const english = await w.admin.get(`/api/v1/people/${w.subject.id}/data.pdf`);
    expect(english.statusCode).toBe(200);
    expect(english.rawPayload.toString('latin1')).toContain(`Data about ${w.subject.name} in Retning`);
    await db.update(accounts).set({ locale: 'da' }).where(eq(accounts.id, w.subject.accountId ?? ''));
  });

  it("another school's person is not found", async () => {
    const other = await buildSchool(db);
    const stranger = await buildPerson(db, other, { roles: ['teacher'] });
    expect((await w.admin.get(`/api/v1/people/${stranger.id}/data`)).statusCode).toBe(404);
    expect((await w.admin.get(`/api/v1/people/${stranger.id}/data.pdf`)).statusCode).toBe(404);
    expect((await w.admin.post(`/api/v1/people/${stranger.id}/erase`, { confirm: stranger.name })).statusCode).toBe(404);
    expect(await db.select({ erasedAt: people.erasedAt }).from(people).where(eq(people.id, stranger.id))).toEqual([{ erasedAt: null }]);
  });
});

describe('the administrator erases a person (GDPR art. 17)', () => {
  it('refuses oneself, a wrong confirmation and anyone but the administrator', async () => {
    const self = await w.admin.post(`/api/v1/people/${w.adminPerson.id}/erase`, { confirm: w.adminPerson.name });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('cannot_erase_self');
    const wrong = await w.admin.post(`/api/v1/people/${w.subject.id}/erase`, { confirm: 'Ikke navnet' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: 'confirm' })]);
    expect((await w.subjectClient.post(`/api/v1/people/${w.colleague.id}/erase`, { confirm: w.colleague.name })).statusCode).toBe(403);
    expect((await db.select().from(people).where(eq(people.id, w.subject.id)))[0]?.erasedAt).toBeNull();
  });

  it("refuses the school's last administrator, whoever asks", async () => {
    const school = await buildSchool(db);
    const onlyAdmin = await buildPerson(db, school, { roles: ['school_admin'] });
    const other = await buildPerson(db, school, { roles: ['teacher'] });
    const [row] = await db.select().from(people).where(eq(people.id, onlyAdmin.id));
    if (!row) throw new Error('no row');
    const actor = {
      accountId: other.accountId ?? '',
      email: other.email,
      locale: 'da' as const,
      sessionId: 's',
      csrfToken: 'c',
      school: { id: school.id, name: school.name, networkId: school.networkId },
      person: { id: other.id, name: other.name, departmentId: other.departmentId },
      roles: [],
      network: null,
    };
    const attempt = db.transaction((tx) => erasePerson({ db: tx, actor, audit: async () => {}, deps: { config, database }, afterCommit: () => {} }, row, onlyAdmin.name));
    await expect(attempt).rejects.toMatchObject({ status: 409, code: 'last_admin' });
    expect((await db.select({ erasedAt: people.erasedAt }).from(people).where(eq(people.id, onlyAdmin.id)))[0]?.erasedAt).toBeNull();
  });

  it('deletes and anonymises per module, keeps the closed round\'s anonymous totals and removes the sign-in account', async () => {
    const totals = () =>
      db
        .select({ respondents: competenceAreaTotals.respondents, levels: competenceAreaTotals.levels })
        .from(competenceAreaTotals)
        .where(and(eq(competenceAreaTotals.schoolId, w.school.id), eq(competenceAreaTotals.roundId, w.roundId), eq(competenceAreaTotals.departmentKey, w.dept)));
    const before = await totals();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((t) => t.respondents === 6 && t.levels[6] === 1)).toBe(true);

    const res = await w.admin.post(`/api/v1/people/${w.subject.id}/erase`, { confirm: ` ${w.subject.name.toUpperCase()} ` });
    expect(res.statusCode).toBe(200);
    const report = res.json() as { modules: Record<string, { deleted?: Record<string, number>; anonymised?: Record<string, number> }> };
    expect(report.modules.competence?.deleted).toEqual({ assessments: 1, enrolments: 1, contracts: 1 });
    expect(report.modules.auth?.deleted?.account).toBe(1);

    // people: the row stays, anonymised; roles and teams go
    const [row] = await db.select().from(people).where(eq(people.id, w.subject.id));
    expect(row).toMatchObject({ name: FORMER, email: `${w.subject.id}@erased.invalid`, jobTitle: null, departmentId: null, active: false, accountId: null });
    expect(row?.erasedAt).not.toBeNull();
    expect(await db.select().from(personRoles).where(eq(personRoles.personId, w.subject.id))).toEqual([]);
    expect(await db.select().from(personTeams).where(eq(personTeams.personId, w.subject.id))).toEqual([]);
    expect(((await w.admin.get('/api/v1/people?active=all&pageSize=200')).json() as { items: { id: string }[] }).items.map((p) => p.id)).not.toContain(w.subject.id);

    // competence: answers, enrolments and contracts go; the closed round's anonymous totals do not move by one person
    expect(await db.select().from(competenceAssessments).where(eq(competenceAssessments.personId, w.subject.id))).toEqual([]);
    expect(await db.select().from(competenceEnrolments).where(eq(competenceEnrolments.personId, w.subject.id))).toEqual([]);
    expect(await db.select().from(competenceContracts).where(eq(competenceContracts.personId, w.subject.id))).toEqual([]);
    const after = await totals();
    expect(after.length).toBe(before.length);
    expect(after).toEqual(before);

    // library: the published forløb stays under the former-employee name; the draft and its file go; the comment and the review stay
    const forlob = await w.admin.get(`/api/v1/library/items/${w.published}`);
    expect(forlob.statusCode).toBe(200);
    expect(forlob.json().author).toMatchObject({ id: w.subject.id, name: FORMER });
    expect(await db.select().from(libraryItems).where(eq(libraryItems.id, w.draft))).toEqual([]);
    await expect.poll(() => existsSync(join(storageDir, w.draftFile))).toBe(false);
    const comments = (await w.admin.get(`/api/v1/library/items/${w.colleagueItem}/comments`)).json() as { authorName: string; body: string }[];
    expect(comments).toEqual([expect.objectContaining({ authorName: FORMER, body: 'Det vil jeg prøve i min klasse' })]);
    expect(await db.select({ id: libraryReviews.id }).from(libraryReviews).where(eq(libraryReviews.reviewerId, w.subject.id))).toHaveLength(1);
    expect(await db.select({ id: libraryComments.id }).from(libraryComments).where(eq(libraryComments.authorId, w.subject.id))).toHaveLength(1);

    // strategy: the initiative keeps its owner (anonymised); the check-in and the comment keep their text under the former-employee name
    expect((await db.select({ ownerId: initiatives.ownerId }).from(initiatives).where(eq(initiatives.id, w.initiative)))[0]?.ownerId).toBe(w.subject.id);
    expect(await db.select({ a: checkins.authorName, d: checkins.decisions }).from(checkins).where(eq(checkins.initiativeId, w.initiative))).toEqual([{ a: FORMER, d: 'Vi fortsætter' }]);
    expect(await db.select({ a: initiativeComments.authorName }).from(initiativeComments).where(eq(initiativeComments.initiativeId, w.initiative))).toEqual([{ a: FORMER }]);

    // calendar and sign-in: the subscription, the sessions and the account go; the old session no longer works
    expect(await db.select().from(calendarFeeds).where(eq(calendarFeeds.schoolId, w.school.id))).toEqual([]);
    expect(await db.select().from(accounts).where(eq(accounts.id, w.subject.accountId ?? ''))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.accountId, w.subject.accountId ?? ''))).toEqual([]);
    expect((await w.subjectClient.get('/api/v1/me')).statusCode).toBe(401);

    // audit: the events stay without the name; the erasure is audited without it
    const [erased] = await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, w.school.id), eq(auditEvents.action, 'person.erased')));
    expect(erased).toMatchObject({ resourceType: 'person', resourceId: w.subject.id, summary: null, actorAccountId: w.adminPerson.accountId });
    const commented = await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, w.school.id), eq(auditEvents.action, 'library.commented')));
    expect(commented).toEqual([expect.objectContaining({ actorName: FORMER, actorAccountId: null })]);

    // nowhere in any table is the name or the e-mail left
    const tables = await rawQuery<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(30);
    const left: string[] = [];
    for (const { table_name: t } of tables) {
      for (const needle of [w.subject.name, w.subject.email]) {
        const [hit] = await rawQuery<{ n: number }>(db, sql`select count(*)::int n from ${sql.identifier(t)} x where x::text ilike ${`%${needle}%`}`);
        if (hit?.n) left.push(`${t}: ${needle}`);
      }
    }
    expect(left).toEqual([]);

    // and once erased, it cannot be erased again
    const again = await w.admin.post(`/api/v1/people/${w.subject.id}/erase`, { confirm: FORMER });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_erased');
  });

  it('hands an unpublished item with a co-author over to the co-author, and keeps an account that signs in to another school', async () => {
    const school = await buildSchool(db);
    const otherSchool = await buildSchool(db);
    const admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
    const both = await buildPerson(db, school, { roles: ['teacher'] });
    const [elsewhere] = await db.insert(people).values({ schoolId: otherSchool.id, accountId: both.accountId, name: both.name, email: both.email }).returning();
    const coAuthor = await buildPerson(db, school, { roles: ['teacher'] });
    const [shared] = await db.insert(libraryItems).values({ schoolId: school.id, kind: 'forlob', authorId: both.id, title: 'Fælles kladde', status: 'team' }).returning();
    await db.execute(sql`insert into library_coauthors (school_id, item_id, person_id) values (${school.id}, ${shared?.id}, ${coAuthor.id})`);
    await signIn(app, both.email);

    expect((await admin.post(`/api/v1/people/${both.id}/erase`, { confirm: both.name })).statusCode).toBe(200);
    expect((await db.select({ authorId: libraryItems.authorId }).from(libraryItems).where(eq(libraryItems.id, shared?.id ?? '')))[0]?.authorId).toBe(coAuthor.id);
    expect(await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, both.accountId ?? ''))).toHaveLength(1);
    expect((await db.select({ accountId: people.accountId }).from(people).where(eq(people.id, elsewhere?.id ?? '')))[0]?.accountId).toBe(both.accountId);
    expect(await db.select().from(sessions).where(and(eq(sessions.accountId, both.accountId ?? ''), eq(sessions.schoolId, school.id)))).toEqual([]);
    // the person still signs in, to the other school
    const again = await signIn(app, both.email);
    expect(((await again.get('/api/v1/me')).json() as { school: { id: string } }).school.id).toBe(otherSchool.id);
  });
});
