import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { surveyDrafts, surveyParticipation } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { hashSecret } from '../../platform/tokens';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';
import type { AppDeps } from '../../platform/deps';
import { LINK_BURST, MAX_ADDRESSES, takeLinkRequest } from './links-rate-limit';

/** Answer links without accounts: QR codes, a cookie per browser, save and resume, one submission, revoked and unknown links, the limit per address. */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let school: BuiltSchool;
let consultant: TestClient;
let roundId: string;
let ip = 1;

/** A browser without an account: keeps its cookies, comes from its own address. */
function browser(address = `192.0.2.${ip++}`) {
  let cookie = '';
  return {
    async request(method: 'GET' | 'PUT' | 'POST', url: string, body?: object) {
      const res = await app.inject({ method, url, remoteAddress: address, headers: cookie ? { cookie } : {}, ...(body ? { payload: body } : {}) });
      const set = res.cookies.find((c) => c.name === 'retning_survey');
      if (set) cookie = `retning_survey=${set.value}`;
      return res;
    },
    cookies: () => cookie,
  };
}

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Byg'] });
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  roundId = (await consultant.post('/api/v1/surveys/rounds', { name: 'Elever', opensOn: today, closesOn: addDays(today, 10), groups: ['teacher', 'student'] })).json().id;
});

const newLink = async (group = 'student') => {
  const res = await consultant.post(`/api/v1/surveys/rounds/${roundId}/links`, { group, departmentId: school.departments[0]?.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { link: { id: string }; path: string; qrSvg: string; qrPng: string };
};
const api = (path: string) => `/api/v1/surveys/public/${path.replace('/s/', '')}`;

describe('answer links', () => {
  it('come with a QR code as SVG and PNG; only the token hash is stored; a group the round does not ask is refused', async () => {
    const l = await newLink();
    expect(l.path).toMatch(/^\/s\/[A-Za-z0-9_-]{20,}$/);
    expect(l.qrSvg).toContain('<svg');
    expect(l.qrPng).toMatch(/^data:image\/png;base64,/);
    const token = l.path.slice(3);
    const { surveyLinks } = await import('../../db/schema/index');
    const [row] = await db.select().from(surveyLinks).where(eq(surveyLinks.id, l.link.id));
    expect(row?.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const supervisor = await consultant.post(`/api/v1/surveys/rounds/${roundId}/links`, { group: 'supervisor' });
    expect(supervisor.statusCode).toBe(422);
    expect(supervisor.json().errors[0].field).toBe('group');
  });

  it('save, leave, resume on the same device, submit once per browser', async () => {
    const l = await newLink();
    const phone = browser();
    const sheet = await phone.request('GET', api(l.path));
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json().group).toBe('student');
    const set = sheet.cookies.find((c) => c.name === 'retning_survey');
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: api(l.path) });
    const item = sheet.json().areas[0].items[0].key as string;
    expect((await phone.request('PUT', `${api(l.path)}/draft`, { answers: { [item]: 2 } })).json()).toMatchObject({ answered: 1 });
    // The cookie itself is never stored: the draft's owner is its SHA-256.
    const drafts = await db.select().from(surveyDrafts).where(eq(surveyDrafts.roundId, roundId));
    expect(drafts.map((d) => d.ownerKey)).toEqual([`link:${hashSecret(phone.cookies().split('=')[1] ?? '')}`]);
    // Another browser starts empty; the same one resumes.
    expect((await browser().request('GET', api(l.path))).json().answers).toEqual({});
    expect((await phone.request('GET', api(l.path))).json().answers).toEqual({ [item]: 2 });
    expect((await phone.request('POST', `${api(l.path)}/submit`, {})).statusCode).toBe(201);
    const again = await phone.request('POST', `${api(l.path)}/submit`, { answers: { [item]: 5 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('survey_already_submitted');
    const rows = await db.select().from(surveyParticipation).where(eq(surveyParticipation.roundId, roundId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.personId).toBeNull();
  });

  it('an unknown link is 404, a revoked one 410', async () => {
    expect((await browser().request('GET', api('/s/ukendt-token-123'))).statusCode).toBe(404);
    const l = await newLink();
    expect((await consultant.delete(`/api/v1/surveys/links/${l.link.id}`)).statusCode).toBe(204);
    const gone = await browser().request('GET', api(l.path));
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('survey_link_revoked');
    expect((await browser().request('POST', `${api(l.path)}/submit`, { answers: {} })).statusCode).toBe(410);
  });

  it('a link for a group the round no longer asks (changed before it opened) answers 410', async () => {
    const planned = (await consultant.post('/api/v1/surveys/rounds', { name: 'Senere', opensOn: addDays(today, 3), closesOn: addDays(today, 10), groups: ['teacher', 'student'] })).json();
    const made = await consultant.post(`/api/v1/surveys/rounds/${planned.id}/links`, { group: 'student' });
    expect(made.statusCode, made.body).toBe(201);
    const path = api(made.json().path);
    expect((await browser().request('GET', path)).json().code).toBe('survey_round_not_open');
    expect((await consultant.patch(`/api/v1/surveys/rounds/${planned.id}`, { groups: ['teacher'] })).statusCode).toBe(200);
    expect((await browser().request('GET', path)).statusCode).toBe(410);
  });

  it('limits requests per address', async () => {
    const l = await newLink();
    const one = browser('198.51.100.7');
    // The bucket refills while the requests run, so count the successes until the first refusal.
    let ok = 0;
    let refused: Awaited<ReturnType<typeof one.request>> | null = null;
    for (let i = 0; i < LINK_BURST * 3 && !refused; i++) {
      const res = await one.request('GET', api(l.path));
      if (res.statusCode === 429) refused = res;
      else ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(LINK_BURST);
    expect(refused?.json().code).toBe('survey_rate_limited');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await browser('198.51.100.8').request('GET', api(l.path))).statusCode).toBe(200);
  });

  it('the bucket refills with time and forgets the least recent address past its bound', () => {
    const deps = {} as AppDeps;
    for (let i = 0; i < LINK_BURST; i++) takeLinkRequest(deps, 'a', 0);
    expect(() => takeLinkRequest(deps, 'a', 0)).toThrow();
    expect(() => takeLinkRequest(deps, 'a', 1000)).not.toThrow();
    for (let i = 0; i < MAX_ADDRESSES; i++) takeLinkRequest(deps, `x${i}`, 1000);
    // 'a' was the least recent: forgotten, so it starts with a full bucket again.
    for (let i = 0; i < LINK_BURST; i++) takeLinkRequest(deps, 'a', 1000);
  });
});
