import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dialogueAnswers, dialogueItems, dialogueParticipants, dialogueSessions } from '../../db/schema/index';
import { testDatabase } from '../../test/database';
import { buildSchool } from '../../test/factories';
import { saveAnswers, type AnswerRow } from './live-answers';

/**
 * The answer hot path on the embedded database: 1,000 participants × 5 answers within 10 s, written
 * in batches of one statement each (as the WebSocket layer batches them), and the per-row checks of
 * a mixed batch.
 */
const database = await testDatabase();
const db = database.db;
const PARTICIPANTS = 1_000;
const ITEMS = 5;
const BATCH = 250;
let schoolId: string;
let sessionId: string;
let itemIds: string[];
let participantIds: string[];

beforeAll(async () => {
  schoolId = (await buildSchool(db)).id;
  const [s] = await db.insert(dialogueSessions).values({ schoolId, title: 'Stort møde', mode: 'live', status: 'open', code: 'HOTPAT', joinOpen: true }).returning();
  if (!s) throw new Error('session');
  sessionId = s.id;
  const items = await db
    .insert(dialogueItems)
    .values(Array.from({ length: ITEMS }, (_, position) => ({ schoolId, sessionId, pairKey: `p${position}`, leftDa: 'A', rightDa: 'B', leftEn: 'A', rightEn: 'B', position, state: 'open' })))
    .returning({ id: dialogueItems.id });
  itemIds = items.map((i) => i.id);
  const people = await db
    .insert(dialogueParticipants)
    .values(Array.from({ length: PARTICIPANTS }, () => ({ schoolId, sessionId })))
    .returning({ id: dialogueParticipants.id });
  participantIds = people.map((p) => p.id);
  return () => database.close();
});

describe('saveAnswers', () => {
  it(`writes ${PARTICIPANTS} participants × ${ITEMS} answers in batches of ${BATCH} well within 10 s`, async () => {
    const rows: AnswerRow[] = participantIds.flatMap((participantId, p) =>
      itemIds.map((itemId, i) => ({ schoolId, sessionId, itemId, participantId, now: (p * 7 + i) % 101, wanted: (p * 13 + i) % 101 })),
    );
    const started = performance.now();
    for (let at = 0; at < rows.length; at += BATCH) {
      const results = await saveAnswers(db, rows.slice(at, at + BATCH));
      expect(results.every((r) => r.ok)).toBe(true);
    }
    const ms = performance.now() - started;
    console.info(`saveAnswers: ${rows.length} answers in ${Math.round(ms)} ms (${Math.round(rows.length / (ms / 1000))} a second)`);
    expect(ms).toBeLessThan(10_000);
    const [n] = await db.select({ n: count() }).from(dialogueAnswers).where(and(eq(dialogueAnswers.schoolId, schoolId), eq(dialogueAnswers.sessionId, sessionId)));
    expect(n?.n).toBe(PARTICIPANTS * ITEMS);
  }, 30_000);

  it('answers each row of a mixed batch on its own: merged duplicates, a locked item, a stranger, a bad id', async () => {
    const [open, locked] = itemIds as [string, string];
    await db.update(dialogueItems).set({ state: 'locked' }).where(eq(dialogueItems.id, locked));
    const p = participantIds[0] as string;
    const results = await saveAnswers(db, [
      { schoolId, sessionId, itemId: open, participantId: p, now: 1 },
      { schoolId, sessionId, itemId: open, participantId: p, wanted: 99 },
      { schoolId, sessionId, itemId: locked, participantId: p, now: 5 },
      { schoolId, sessionId, itemId: open, participantId: '00000000-0000-4000-8000-000000000000', now: 5 },
      { schoolId, sessionId, itemId: 'nonsense', participantId: p, now: 5 },
    ]);
    expect(results).toEqual([
      { ok: true, itemId: open, now: 1, wanted: 99 },
      { ok: true, itemId: open, now: 1, wanted: 99 },
      { ok: false, itemId: locked, error: 'dialogue_item_locked' },
      { ok: false, itemId: open, error: 'dialogue_participant_unknown' },
      { ok: false, itemId: 'nonsense', error: 'dialogue_item_unknown' },
    ]);
    const [row] = await db.select().from(dialogueAnswers).where(and(eq(dialogueAnswers.itemId, locked), eq(dialogueAnswers.participantId, p)));
    // Unchanged since the first test: participant 0 put 1 on the second item.
    expect(row?.now).toBe(1);
  });
});
