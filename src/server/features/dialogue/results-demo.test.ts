import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TDialogueComparison, TDialogueResults } from '../../../shared/api/dialogue-results';
import { dialogueComments, dialogueParticipants, dialogueSessions, schools } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { seedDemo } from '../../seed/demo';
import { DEMO_PASSWORD, DEMO_SCHOOL } from '../../seed/demo-data';
import { seedDemoDialogue } from '../../seed/demo-dialogue';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';

/* The demo's dialogue as its internal consultant meets it: two closed sessions whose comparison shows the vertical boundary first, and a draft. */

// the demo school's people have fixed e-mail addresses: a database of its own, also in the PostgreSQL run
const { app, database } = await testApp({ embedded: true });
const db = database.db;
let consultant: TestClient;
let schoolId = '';
const sessions = () => db.select().from(dialogueSessions).where(eq(dialogueSessions.schoolId, schoolId));

beforeAll(async () => {
  await seedDemo(db);
  const t0 = performance.now();
  await seedDemoDialogue(db, todayInCopenhagen());
  console.info(JSON.stringify({ figure: 'demo_seed_dialogue_ms', ms: Math.round(performance.now() - t0) }));
  schoolId = (await db.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)))[0]?.id ?? '';
  consultant = await signIn(app, 'konsulent@demo.example', DEMO_PASSWORD);
});

describe('the demo dialogue', () => {
  it('has the teachers’ live workshop and the leadership team’s asynchronous session closed, and a draft', async () => {
    const all = await sessions();
    expect(all.map((s) => [s.title, s.mode, s.status]).sort()).toEqual([
      ['Ledelsesteamet', 'async', 'closed'],
      ['Pædagogisk dag', 'live', 'closed'],
      ['Temadag om opfølgning', 'live', 'draft'],
    ]);
    const live = all.find((s) => s.title === 'Pædagogisk dag');
    const participants = await db.select().from(dialogueParticipants).where(and(eq(dialogueParticipants.schoolId, schoolId), eq(dialogueParticipants.sessionId, live?.id ?? '')));
    expect(participants.length).toBeGreaterThanOrEqual(25);
    expect(participants.every((p) => p.personId === null)).toBe(true);
    const comments = await db.select().from(dialogueComments).where(eq(dialogueComments.schoolId, schoolId));
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((c) => c.status === 'approved')).toBe(true);
  });

  it('shows every pair of the leadership team over the threshold, and the largest gap on central – local decisions under the vertical boundary', async () => {
    const all = await sessions();
    const a = all.find((s) => s.title === 'Pædagogisk dag')?.id ?? '';
    const b = all.find((s) => s.title === 'Ledelsesteamet')?.id ?? '';
    const leaders = (await consultant.get(`/api/v1/dialogue/sessions/${b}/results`)).json() as TDialogueResults;
    expect(leaders.session.participants).toBe(8);
    expect(leaders.items.every((i) => i.now.shown && i.wanted.shown)).toBe(true);
    const res = await consultant.get(`/api/v1/dialogue/compare?a=${a}&b=${b}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as TDialogueComparison;
    expect(c.pairs).toHaveLength(6);
    const top = [...c.pairs].sort((x, y) => (y.gap ?? 0) - (x.gap ?? 0))[0];
    expect(top?.pairKey).toBe('centrale-decentrale-beslutninger');
    expect(top?.gap).toBeGreaterThan(30);
    expect(c.boundaries[0]).toMatchObject({ boundary: 'vertical', largestPairKey: 'centrale-decentrale-beslutninger' });
  });
});
