import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarItems, networkEventSignups } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { startTestSmtp } from '../../test/smtp';
import { exportEvents, eraseEvents } from './personal-data';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const { app, database } = await testApp({ mailer: createMailer(smtp.url, 'Retning <retning@test>') });
const db = database.db;
const API = '/api/v1/events';
const DAY = 86_400_000;

let school: BuiltSchool;
let otherSchool: BuiltSchool;
let coordinator: TestClient;
const teachers: BuiltPerson[] = [];
const clients: TestClient[] = [];

const inDays = (d: number, hours = 0) => new Date(Date.now() + d * DAY + hours * 3_600_000).toISOString();

/** A published webinar with one session of `capacity` seats a week ahead; returns the event's and the session's ids. */
async function webinar(capacity: number, kind: 'webinar' | 'learning_factory' = 'webinar') {
  const created = await coordinator.post(API, { kind, title: `Webinar om AI ${capacity}` });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const slot = { startsAt: inDays(7), endsAt: inDays(7, 2), onlineUrl: 'https://meet.example/ai', capacity };
  const withSession = await coordinator.post(`${API}/${id}/sessions`, slot);
  expect(withSession.statusCode, withSession.body).toBe(201);
  expect((await coordinator.post(`${API}/${id}/publish`)).statusCode).toBe(200);
  return { eventId: id, sessionId: withSession.json().sessions[0].id as string };
}

const activeSignups = (sessionId: string) =>
  db.select().from(networkEventSignups).where(and(eq(networkEventSignups.sessionId, sessionId)));
const calendarOf = (schoolId: string, sessionId: string) =>
  db
    .select()
    .from(calendarItems)
    .where(and(eq(calendarItems.schoolId, schoolId), eq(calendarItems.source, 'network_event'), eq(calendarItems.sourceRef, sessionId)));

beforeAll(async () => {
  school = await buildSchool(db, { name: 'Tømrerskolen Nord', network: 'Netværk for tilmeldinger' });
  otherSchool = await buildSchool(db, { name: 'Handelsskolen Syd', network: 'Netværk for tilmeldinger' });
  coordinator = await signIn(app, (await buildCoordinator(db, school.networkId)).email);
  for (let i = 0; i < 10; i++) {
    const s = i % 2 === 0 ? school : otherSchool;
    const p = await buildPerson(db, s, { roles: ['teacher'], name: `Lærer ${i}` });
    teachers.push(p);
    clients.push(await signIn(app, p.email));
  }
});

describe('sign-up with capacity and a waiting list', () => {
  it('10 concurrent sign-ups for 3 seats: exactly 3 confirmed, 7 waiting in positions 1–7', async () => {
    const { sessionId } = await webinar(3);
    const res = await Promise.all(clients.map((c) => c.post(`${API}/sessions/${sessionId}/signup`, {})));
    for (const r of res) expect(r.statusCode, r.body).toBe(201);
    const statuses = res.map((r) => r.json().signup);
    expect(statuses.filter((s) => s.status === 'confirmed')).toHaveLength(3);
    const positions = statuses.filter((s) => s.status === 'waiting').map((s) => s.position).sort((x, y) => x - y);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const rows = await activeSignups(sessionId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    const listed = (await coordinator.get(API)).json().items.find((i: { sessions: { id: string }[] }) => i.sessions[0]?.id === sessionId);
    const list = await coordinator.get(`${API}/${listed.id}`);
    expect(list.json().sessions[0]).toMatchObject({ capacity: 3, confirmed: 3, waiting: 7, seatsLeft: 0 });
  });

  it('a second sign-up by the same person is refused (409) and writes nothing', async () => {
    const { sessionId } = await webinar(2);
    expect((await clients[0]?.post(`${API}/sessions/${sessionId}/signup`, {}))?.statusCode).toBe(201);
    const again = await clients[0]?.post(`${API}/sessions/${sessionId}/signup`, {});
    expect(again?.statusCode).toBe(409);
    expect(again?.json().code).toBe('event_already_signed_up');
    expect(await activeSignups(sessionId)).toHaveLength(1);
  });

  it('cancelling a seat promotes the first on the waiting list, in sign-up order, who is told by e-mail', async () => {
    const { sessionId } = await webinar(1);
    const [a, b, c] = clients;
    if (!a || !b || !c) throw new Error('clients');
    for (const x of [a, b, c]) expect((await x.post(`${API}/sessions/${sessionId}/signup`, {})).statusCode).toBe(201);
    const before = smtp.inbox.length;
    expect((await a.delete(`${API}/sessions/${sessionId}/signup`)).statusCode).toBe(204);
    const rows = await activeSignups(sessionId);
    const byPerson = new Map(rows.filter((r) => r.cancelledAt === null).map((r) => [r.personId, r.status]));
    expect(byPerson.get(teachers[1]?.id ?? '')).toBe('confirmed');
    expect(byPerson.get(teachers[2]?.id ?? '')).toBe('waiting');
    const mails = smtp.inbox.slice(before);
    expect(mails.flatMap((m) => m.to)).toEqual([teachers[1]?.email]);
    expect(mails[0]?.subject).toBe('Du har fået en plads: Webinar om AI 1');
    expect(mails[0]?.text).toContain('/arrangementer/');
    // the last one waiting is now first in line
    const mine = await c.get(API);
    const s = mine.json().items.flatMap((i: { sessions: { id: string }[] }) => i.sessions).find((x: { id: string }) => x.id === sessionId);
    expect(s.mySignup).toMatchObject({ status: 'waiting', position: 1 });
  });

  it('raising the capacity promotes from the list; lowering it below the confirmed count is refused naming capacity', async () => {
    const { sessionId } = await webinar(1);
    for (const x of clients.slice(0, 3)) expect((await x.post(`${API}/sessions/${sessionId}/signup`, {})).statusCode).toBe(201);
    const raised = await coordinator.patch(`${API}/sessions/${sessionId}`, { capacity: 2 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().sessions[0]).toMatchObject({ confirmed: 2, waiting: 1 });
    const lowered = await coordinator.patch(`${API}/sessions/${sessionId}`, { capacity: 1 });
    expect(lowered.statusCode).toBe(409);
    expect(lowered.json().errors[0].field).toBe('capacity');
    const unchanged = await coordinator.patch(`${API}/sessions/${sessionId}`, { capacity: 0 });
    expect(unchanged.statusCode).toBe(422);
    expect(unchanged.json().errors[0].field).toBe('capacity');
  });

  it('the årshjul item of a school appears at its first confirmed sign-up and goes with its last', async () => {
    const { sessionId } = await webinar(5);
    const [a, b] = [clients[0], clients[2]]; // both of the first school
    if (!a || !b) throw new Error('clients');
    expect(await calendarOf(school.id, sessionId)).toHaveLength(0);
    await a.post(`${API}/sessions/${sessionId}/signup`, {});
    await b.post(`${API}/sessions/${sessionId}/signup`, {});
    const [item] = await calendarOf(school.id, sessionId);
    expect(item).toMatchObject({ status: 'confirmed', title: 'Webinar om AI 5', kind: 'network_event' });
    expect(item?.description ?? '').not.toContain('Lærer');
    expect(await calendarOf(otherSchool.id, sessionId)).toHaveLength(0);
    await a.delete(`${API}/sessions/${sessionId}/signup`);
    expect((await calendarOf(school.id, sessionId))[0]?.status).toBe('confirmed');
    await b.delete(`${API}/sessions/${sessionId}/signup`);
    expect((await calendarOf(school.id, sessionId))[0]?.status).toBe('cancelled');
  });

  it('cancelling the session tells everyone signed up and removes the årshjul items', async () => {
    const { eventId, sessionId } = await webinar(1);
    const [a, b] = [clients[0], clients[1]];
    if (!a || !b) throw new Error('clients');
    await a.post(`${API}/sessions/${sessionId}/signup`, {});
    await b.post(`${API}/sessions/${sessionId}/signup`, {});
    const before = smtp.inbox.length;
    const res = await coordinator.post(`${API}/sessions/${sessionId}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessions[0].cancelled).toBe(true);
    expect((await calendarOf(school.id, sessionId))[0]?.status).toBe('cancelled');
    const mails = smtp.inbox.slice(before);
    expect(mails.flatMap((m) => m.to).sort()).toEqual([teachers[0]?.email, teachers[1]?.email].sort());
    expect(mails[0]?.subject).toContain('Aflyst session: Webinar om AI 1');
    // a cancelled session takes no sign-ups
    expect((await clients[3]?.post(`${API}/sessions/${sessionId}/signup`, {}))?.statusCode).toBe(403);
    const cancelEvent = await coordinator.post(`${API}/${eventId}/cancel`);
    expect(cancelEvent.statusCode).toBe(200);
    expect(cancelEvent.json().status).toBe('cancelled');
  });

  it('a Learning Factory needs the problem at sign-up; the product is mine to add later; the organiser sees both', async () => {
    const { eventId, sessionId } = await webinar(4, 'learning_factory');
    const a = clients[4];
    if (!a) throw new Error('client');
    const missing = await a.post(`${API}/sessions/${sessionId}/signup`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('problem');
    expect(await activeSignups(sessionId)).toHaveLength(0);
    expect((await a.post(`${API}/sessions/${sessionId}/signup`, { problem: 'Eleverne bruger ikke værktøjerne' })).statusCode).toBe(201);
    const project = { problem: 'Eleverne bruger ikke værktøjerne', product: 'Et forløb', productUrl: 'https://example.org/forloeb' };
    const product = await a.put(`${API}/${eventId}/project`, project);
    expect(product.statusCode, product.body).toBe(200);
    const badUrl = await a.put(`${API}/${eventId}/project`, { problem: 'x', productUrl: 'javascript:alert(1)' });
    expect(badUrl.statusCode).toBe(422);
    expect(badUrl.json().errors[0].field).toBe('productUrl');
    expect((await a.get(`${API}/${eventId}`)).json().myProject).toMatchObject({ product: 'Et forløb' });
    const participants = await coordinator.get(`${API}/${eventId}/participants`);
    expect(participants.statusCode).toBe(200);
    expect(participants.json().items).toEqual([
      expect.objectContaining({
        name: 'Lærer 4',
        schoolName: 'Tømrerskolen Nord',
        status: 'confirmed',
        project: expect.objectContaining({ product: 'Et forløb' }),
      }),
    ]);
    // a participant sees no one else's sign-up
    expect((await a.get(`${API}/${eventId}/participants`)).statusCode).toBe(403);
  });

  it("Min side shows my upcoming sessions; my export holds them and erasure cancels them, giving the seat on", async () => {
    const { eventId, sessionId } = await webinar(1);
    const [a, b] = [clients[6], clients[7]];
    if (!a || !b) throw new Error('clients');
    await a.post(`${API}/sessions/${sessionId}/signup`, {});
    await b.post(`${API}/sessions/${sessionId}/signup`, {});
    const home = await a.get('/api/v1/home');
    expect(home.statusCode).toBe(200);
    expect(home.json().items).toContainEqual(expect.objectContaining({ kind: 'events.session', title: 'Webinar om AI 1', path: `/arrangementer/${eventId}` }));
    const homeB = (await b.get('/api/v1/home')).json();
    expect(homeB.items).toContainEqual(expect.objectContaining({ kind: 'events.waiting', detail: '1' }));
    const person = teachers[6];
    if (!person) throw new Error('person');
    const exported = await exportEvents(db, school.id, person.id);
    expect(exported.eventSignups).toContainEqual(expect.objectContaining({ event: 'Webinar om AI 1', status: 'confirmed' }));
    await db.transaction((tx) => eraseEvents(tx, school.id, person.id));
    const rows = await activeSignups(sessionId);
    expect(rows.find((r) => r.personId === person.id)?.cancelledAt).not.toBeNull();
    expect(rows.find((r) => r.personId === teachers[7]?.id)?.status).toBe('confirmed');
  });
});
