import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';

/**
 * The årshjul's iCalendar feed speaks Danish: CATEGORIES carries each kind's Danish name (as the
 * årshjul's legend shows it, TEXT-escaped as RFC 5545 wants) and the calendar's name comes from
 * the locale file, never a key such as "milestone" or "contract_followup".
 */
const { app, database } = await testApp();
const db = database.db;

let head: TestClient;
let boss: TestClient;
let department = '';
let schoolName = '';

beforeAll(async () => {
  const school = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  schoolName = school.name;
  department = school.departments[0]?.id ?? '';
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: department })).email);
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
});

/** The feed's lines, unfolded. */
async function feedLines(client: TestClient, body: Record<string, unknown>): Promise<string[]> {
  const feed = (await client.post('/api/v1/calendar/feeds', body)).json();
  const res = await app.inject({ method: 'GET', url: new URL(feed.url).pathname });
  expect(res.statusCode).toBe(200);
  return res.body.replaceAll('\r\n ', '').split('\r\n');
}

describe('the iCalendar feed in Danish', () => {
  it('names each kind in Danish in CATEGORIES, and the calendar from the locale file', async () => {
    const initiative = (
      await head.post('/api/v1/initiatives', { title: 'Video af praksis', why: 'Eleverne ser egen praksis.', level: 'department', departmentId: department, startsOn: '2025-08-01', endsOn: '2026-06-30' })
    ).json();
    expect((await head.post(`/api/v1/initiatives/${initiative.id}/milestones`, { title: 'Kick-off', dueOn: '2025-09-15' })).statusCode).toBe(201);
    expect((await head.post(`/api/v1/initiatives/${initiative.id}/followups`, { title: 'Status', dueOn: '2025-10-01' })).statusCode).toBe(201);
    expect((await boss.post('/api/v1/calendar/items', { title: 'Pædagogisk dag', startsOn: '2025-08-11' })).statusCode).toBe(201);

    const lines = await feedLines(boss, {});
    const categories = lines.filter((l) => l.startsWith('CATEGORIES:')).sort();
    expect(categories).toEqual(['CATEGORIES:Begivenhed', 'CATEGORIES:Milepæl', 'CATEGORIES:Opfølgningsmøde']);
    expect(lines).toContain(`X-WR-CALNAME:Årshjul – ${schoolName}`);

    const own = await feedLines(head, { departmentId: department });
    expect(own).toContain(`X-WR-CALNAME:Årshjul – ${schoolName} – Bygge og Anlæg`);
  });
});
