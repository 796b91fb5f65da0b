import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, networkAuditEvents, networkEventMaterials, networkEvents, networkEventSessions } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;
const API = '/api/v1/events';
const DAY = 86_400_000;
const inDays = (d: number, hours = 0) => new Date(Date.now() + d * DAY + hours * 3_600_000).toISOString();

let school: BuiltSchool;
let coordinator: TestClient;
let otherCoordinator: TestClient;
let admin: TestClient;
let teacher: TestClient;
let student: TestClient;
let supervisor: TestClient;
let foreignTeacher: TestClient;

beforeAll(async () => {
  school = await buildSchool(db, { name: 'Erhvervsskolen Øst', network: 'Netværk for arrangementer' });
  const sister = await buildSchool(db, { name: 'Erhvervsskolen Vest', network: 'Netværk for arrangementer' });
  const foreign = await buildSchool(db, { name: 'Fremmed skole', network: 'Et andet netværk' });
  coordinator = await signIn(app, (await buildCoordinator(db, school.networkId)).email);
  otherCoordinator = await signIn(app, (await buildCoordinator(db, foreign.networkId)).email);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  teacher = await signIn(app, (await buildPerson(db, sister, { roles: ['teacher'] })).email);
  student = await signIn(app, (await buildPerson(db, school, { roles: ['student'] })).email);
  supervisor = await signIn(app, (await buildPerson(db, school, { roles: ['company_supervisor'] })).email);
  foreignTeacher = await signIn(app, (await buildPerson(db, foreign, { roles: ['teacher'] })).email);
});

const counts = async () => ({
  events: (await db.select().from(networkEvents)).length,
  sessions: (await db.select().from(networkEventSessions)).length,
  materials: (await db.select().from(networkEventMaterials)).length,
});

describe('events: organising', () => {
  it('a coordinator creates a draft, adds a session and a material, publishes; the network log and the list show it', async () => {
    const created = await coordinator.post(API, { kind: 'webinar', title: 'Digital dannelse', description: 'Tre korte webinarer' });
    expect(created.statusCode, created.body).toBe(201);
    const ev = created.json();
    expect(ev).toMatchObject({ status: 'draft', organiser: { kind: 'network', name: 'Netværk for arrangementer', schoolId: null }, sessions: [] });
    expect(ev.abilities).toContain('event:manage');
    // a draft is only the organiser's
    expect((await teacher.get(API)).json().items.map((i: { id: string }) => i.id)).not.toContain(ev.id);
    expect((await teacher.get(`${API}/${ev.id}`)).statusCode).toBe(403);

    const session = await coordinator.post(`${API}/${ev.id}/sessions`, { startsAt: inDays(3), endsAt: inDays(3, 1), place: 'Vejle', capacity: 30 });
    expect(session.statusCode, session.body).toBe(201);
    const material = await coordinator.post(`${API}/${ev.id}/materials`, { phase: 'before', title: 'Læs først', url: 'https://example.org/laes' });
    expect(material.statusCode, material.body).toBe(201);
    expect((await coordinator.post(`${API}/${ev.id}/publish`)).json().status).toBe('published');
    expect((await coordinator.post(`${API}/${ev.id}/publish`)).statusCode).toBe(409);

    const listed = (await teacher.get(API)).json().items.find((i: { id: string }) => i.id === ev.id);
    expect(listed.sessions[0]).toMatchObject({ place: 'Vejle', capacity: 30, seatsLeft: 30, open: true, mySignup: null });
    const detail = (await teacher.get(`${API}/${ev.id}`)).json();
    expect(detail.materials).toEqual([expect.objectContaining({ title: 'Læs først', phase: 'before' })]);
    expect(detail.abilities).toEqual(expect.arrayContaining(['event:read', 'event:signup']));
    expect(detail.abilities).not.toContain('event:manage');

    const log = await db.select().from(networkAuditEvents).where(eq(networkAuditEvents.networkId, school.networkId));
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['event.created', 'event_session.created', 'event_material.created', 'event.published']));

    const found = await teacher.get(`${API}/materials?q=${encodeURIComponent('læs')}`);
    expect(found.statusCode).toBe(200);
    const event = expect.objectContaining({ id: ev.id, title: 'Digital dannelse' });
    expect(found.json().items).toContainEqual(expect.objectContaining({ title: 'Læs først', event }));
  });

  it("a school's administrator organises for the school: its own log too; the coordinator cannot manage it", async () => {
    const created = await admin.post(API, { kind: 'learning_factory', title: 'Learning Factory: skema' });
    expect(created.statusCode, created.body).toBe(201);
    const ev = created.json();
    expect(ev.organiser).toMatchObject({ kind: 'school', name: 'Erhvervsskolen Øst', schoolId: school.id });
    expect((await coordinator.patch(`${API}/${ev.id}`, { title: 'Overtaget' })).statusCode).toBe(403);
    expect((await admin.patch(`${API}/${ev.id}`, { title: 'Learning Factory: skemalægning' })).json().title).toBe('Learning Factory: skemalægning');
    const schoolLog = await db.select().from(auditEvents).where(eq(auditEvents.schoolId, school.id));
    expect(schoolLog.map((l) => l.action)).toEqual(expect.arrayContaining(['event.created', 'event.updated']));
  });

  it('students and company supervisors never see events', async () => {
    for (const c of [student, supervisor]) {
      expect((await c.get(API)).statusCode).toBe(403);
      expect((await c.get(`${API}/materials`)).statusCode).toBe(403);
    }
  });

  it("another network's event, session and material answer 404, and nothing is written", async () => {
    const created = await otherCoordinator.post(API, { kind: 'webinar', title: 'Fremmed webinar' });
    const id = created.json().id;
    const slot = { startsAt: inDays(5), endsAt: inDays(5, 1), onlineUrl: 'https://meet.example/x', capacity: 5 };
    const s = await otherCoordinator.post(`${API}/${id}/sessions`, slot);
    const sessionId = s.json().sessions[0].id;
    const m = await otherCoordinator.post(`${API}/${id}/materials`, { phase: 'after', title: 'Optagelse', url: 'https://example.org/rec' });
    await otherCoordinator.post(`${API}/${id}/publish`);
    const before = await counts();
    expect((await coordinator.get(`${API}/${id}`)).statusCode).toBe(404);
    expect((await coordinator.patch(`${API}/${id}`, { title: 'Hacket' })).statusCode).toBe(404);
    expect((await coordinator.delete(`${API}/materials/${m.json().id}`)).statusCode).toBe(404);
    expect((await teacher.post(`${API}/sessions/${sessionId}/signup`, {})).statusCode).toBe(404);
    expect((await teacher.get(`${API}/${id}/participants`)).statusCode).toBe(404);
    expect((await teacher.get(API)).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await teacher.get(`${API}/materials?q=Optagelse`)).json().items.map((i: { id: string }) => i.id)).not.toContain(m.json().id);
    expect((await foreignTeacher.get(`${API}/${id}`)).statusCode).toBe(200);
    expect(await counts()).toEqual(before);
    const [row] = await db.select().from(networkEvents).where(eq(networkEvents.id, id));
    expect(row?.title).toBe('Fremmed webinar');
  });

  it('bad input is refused naming the field, and nothing is written', async () => {
    const ev = (await coordinator.post(API, { kind: 'webinar', title: 'Validering' })).json();
    const before = await counts();
    const cases: [string, Record<string, unknown>, string][] = [
      [API, { kind: 'seminar', title: 'x' }, 'kind'],
      [API, { kind: 'webinar', title: '' }, 'title'],
      [`${API}/${ev.id}/sessions`, { startsAt: inDays(2), endsAt: inDays(2, 1), capacity: 5 }, 'place'],
      [`${API}/${ev.id}/sessions`, { startsAt: inDays(2, 1), endsAt: inDays(2), place: 'Aarhus', capacity: 5 }, 'endsAt'],
      [`${API}/${ev.id}/sessions`, { startsAt: inDays(2), endsAt: inDays(2, 1), place: 'Aarhus', capacity: 0 }, 'capacity'],
      [`${API}/${ev.id}/sessions`, { startsAt: inDays(2), endsAt: inDays(2, 1), onlineUrl: 'javascript:alert(1)', capacity: 5 }, 'onlineUrl'],
      [`${API}/${ev.id}/materials`, { phase: 'before', title: 'x', url: 'ftp://example.org/x' }, 'url'],
      [`${API}/${ev.id}/materials`, { phase: 'during', title: 'x', url: 'https://example.org/x' }, 'phase'],
    ];
    for (const [url, body, field] of cases) {
      const res = await coordinator.post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('a cancelled event cannot be changed and leaves the list of upcoming events', async () => {
    const ev = (await coordinator.post(API, { kind: 'webinar', title: 'Aflyses' })).json();
    await coordinator.post(`${API}/${ev.id}/sessions`, { startsAt: inDays(4), endsAt: inDays(4, 1), place: 'Kolding', capacity: 3 });
    await coordinator.post(`${API}/${ev.id}/publish`);
    expect((await coordinator.post(`${API}/${ev.id}/cancel`)).json().status).toBe('cancelled');
    const again = await coordinator.patch(`${API}/${ev.id}`, { title: 'Igen' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('event_cancelled');
    expect((await teacher.get(API)).json().items.map((i: { id: string }) => i.id)).not.toContain(ev.id);
    expect((await teacher.get(`${API}?past=true`)).json().items.map((i: { id: string }) => i.id)).toContain(ev.id);
  });
});
