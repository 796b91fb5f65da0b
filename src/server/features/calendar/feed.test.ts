import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

type Event = { uid: string; summary: string; sequence: number; dtstart: string; status: string };
/** The VEVENTs of a feed, unfolded, by UID. */
function events(ics: string): Map<string, Event> {
  const out = new Map<string, Event>();
  const unfolded = ics.replaceAll('\r\n ', '');
  for (const block of unfolded.split('BEGIN:VEVENT\r\n').slice(1)) {
    const prop = (name: string) => new RegExp(`^${name}[:;](?:VALUE=DATE:)?(.*)$`, 'm').exec(block.split('END:VEVENT')[0] ?? '')?.[1]?.replace(/\r$/, '') ?? '';
    const uid = prop('UID');
    out.set(uid, { uid, summary: prop('SUMMARY'), sequence: Number(prop('SEQUENCE')), dtstart: prop('DTSTART'), status: prop('STATUS') });
  }
  return out;
}

let head: TestClient;
let boss: TestClient;
let deptA = '';

beforeAll(async () => {
  const school = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  deptA = school.departments[0]?.id ?? '';
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA })).email);
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
});

describe('iCalendar feed after edits: SEQUENCE, SUMMARY and the ETag/304 path', () => {
  it('an edited item gets a new SEQUENCE and SUMMARY, a new ETag, and the old ETag no longer gives 304', async () => {
    const i = (
      await head.post('/api/v1/initiatives', {
        title: 'Video af praksis',
        why: 'Eleverne ser egen praksis.',
        level: 'department',
        departmentId: deptA,
        startsOn: '2025-08-01',
        endsOn: '2026-06-30',
      })
    ).json();
    const m = (await head.post(`/api/v1/initiatives/${i.id}/milestones`, { title: 'Kick-off', dueOn: '2025-09-15' })).json();
    const f = (await head.post(`/api/v1/initiatives/${i.id}/followups`, { title: 'Status', dueOn: '2025-10-01' })).json();
    const manual = (await boss.post('/api/v1/calendar/items', { title: 'Pædagogisk dag', startsOn: '2025-08-11' })).json();
    const feed = (await head.post('/api/v1/calendar/feeds', {})).json();
    const path = new URL(feed.url).pathname;
    const get = (etag?: string) => app.inject({ method: 'GET', url: path, headers: etag ? { 'if-none-match': etag } : {} });

    // first fetch: 200 with an ETag; the same ETag gives 304 with no body; a repeat is the same feed
    const r1 = await get();
    expect(r1.statusCode).toBe(200);
    const etag1 = String(r1.headers.etag);
    expect(etag1).toMatch(/^".+"$/);
    const e1 = events(r1.body);
    expect(e1.size).toBe(3);
    const byPrefix = (es: Map<string, Event>, title: string) => [...es.values()].find((e) => e.summary.startsWith(title));
    const mUid = byPrefix(e1, 'Kick-off')?.uid ?? '';
    const fUid = byPrefix(e1, 'Status')?.uid ?? '';
    const manualUid = `${manual.id}@retning`;
    expect(e1.get(mUid)).toMatchObject({ summary: 'Kick-off (Video af praksis)', sequence: 0, dtstart: '20250915' });
    expect(e1.get(manualUid)).toMatchObject({ summary: 'Pædagogisk dag', sequence: 0 });
    const notModified = await get(etag1);
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag1);
    const again = await get();
    expect(again.body).toBe(r1.body);
    expect(again.headers.etag).toBe(etag1);

    // a PATCH that changes nothing visible keeps the feed and its ETag
    expect((await head.patch(`/api/v1/milestones/${m.id}`, { title: 'Kick-off' })).statusCode).toBe(200);
    expect((await get(etag1)).statusCode).toBe(304);

    // rename the milestone: the old ETag is not honoured, the new feed has the new SUMMARY and SEQUENCE 1
    expect((await head.patch(`/api/v1/milestones/${m.id}`, { title: 'Opstart med holdet' })).statusCode).toBe(200);
    const r2 = await get(etag1);
    expect(r2.statusCode).toBe(200);
    const etag2 = String(r2.headers.etag);
    expect(etag2).not.toBe(etag1);
    const e2 = events(r2.body);
    expect(e2.get(mUid)).toMatchObject({ summary: 'Opstart med holdet (Video af praksis)', sequence: 1, dtstart: '20250915' });
    expect(r2.body).not.toContain('Kick-off');
    expect(e2.get(fUid)?.sequence).toBe(0);
    expect((await get(etag2)).statusCode).toBe(304);
    // the cached body is the new one, not the first
    expect((await get()).body).toBe(r2.body);

    // rename the initiative: both of its items change SUMMARY and SEQUENCE; the manual item does not
    expect((await head.patch(`/api/v1/initiatives/${i.id}`, { title: 'Video i praktikken' })).statusCode).toBe(200);
    const r3 = await get(etag2);
    expect(r3.statusCode).toBe(200);
    const etag3 = String(r3.headers.etag);
    expect([etag1, etag2]).not.toContain(etag3);
    const e3 = events(r3.body);
    expect(e3.get(mUid)).toMatchObject({ summary: 'Opstart med holdet (Video i praktikken)', sequence: 2 });
    expect(e3.get(fUid)).toMatchObject({ summary: 'Status (Video i praktikken)', sequence: 1 });
    expect(e3.get(manualUid)).toMatchObject({ summary: 'Pædagogisk dag', sequence: 0 });

    // move the follow-up and edit the manual item: new dates, titles and sequences, same UIDs
    expect((await head.patch(`/api/v1/followups/${f.id}`, { dueOn: '2025-10-08' })).statusCode).toBe(200);
    expect((await boss.patch(`/api/v1/calendar/items/${manual.id}`, { title: 'Pædagogisk dag for alle' })).statusCode).toBe(200);
    const r4 = await get(etag3);
    expect(r4.statusCode).toBe(200);
    expect(r4.headers.etag).not.toBe(etag3);
    const e4 = events(r4.body);
    expect(e4.get(fUid)).toMatchObject({ dtstart: '20251008', sequence: 2 });
    expect(e4.get(manualUid)).toMatchObject({ summary: 'Pædagogisk dag for alle', sequence: 1 });
    expect([...e4.keys()].sort()).toEqual([...e1.keys()].sort());

    // cancelling is an edit too: not 304, STATUS:CANCELLED with the next SEQUENCE
    expect((await boss.patch(`/api/v1/calendar/items/${manual.id}`, { cancelled: true })).statusCode).toBe(200);
    const r5 = await get(String(r4.headers.etag));
    expect(r5.statusCode).toBe(200);
    expect(events(r5.body).get(manualUid)).toMatchObject({ status: 'CANCELLED', sequence: 2 });
  });
});
