import type { Executor } from '../../db/client';
import { dialogueAnswers, dialogueItems, dialogueParticipants, dialogueSessions } from '../../db/schema/index';
import { BUILTIN_PAIRS } from './reference-data';

/**
 * A closed session with its answers, written straight to the tables for the results' tests and
 * the authorization matrix (the answering itself is tested by the live and asynchronous routes).
 * `answers[pairKey]` holds one `{ now, wanted }` per participant; a participant beyond a pair's
 * list leaves it unanswered.
 */
export type SeedAnswer = { now: number | null; wanted: number | null };
export type SeedSession = {
  title: string;
  mode?: 'live' | 'async';
  status?: 'draft' | 'open' | 'closed';
  departmentId?: string | null;
  createdBy?: string | null;
  pairs: { key: string; boundary: string | null }[];
  answers: Record<string, SeedAnswer[]>;
};

export async function seedDialogueSession(exec: Executor, schoolId: string, s: SeedSession) {
  const status = s.status ?? 'closed';
  const [session] = await exec
    .insert(dialogueSessions)
    .values({ schoolId, title: s.title, mode: s.mode ?? 'live', status, departmentId: s.departmentId ?? null, createdBy: s.createdBy ?? null, closedAt: status === 'closed' ? new Date() : null })
    .returning();
  if (!session) throw new Error('session');
  const items = await exec
    .insert(dialogueItems)
    .values(
      s.pairs.map((p, position) => {
        const b = BUILTIN_PAIRS.find((x) => x.key === p.key) ?? { left: { da: `${p.key} venstre`, en: '' }, right: { da: `${p.key} højre`, en: '' } };
        return { schoolId, sessionId: session.id, pairKey: p.key, leftDa: b.left.da, rightDa: b.right.da, leftEn: b.left.en, rightEn: b.right.en, boundary: p.boundary, position, state: 'locked' };
      }),
    )
    .returning();
  const most = Math.max(0, ...Object.values(s.answers).map((a) => a.length));
  const participants = most
    ? await exec
        .insert(dialogueParticipants)
        .values(Array.from({ length: most }, () => ({ schoolId, sessionId: session.id })))
        .returning()
    : [];
  const rows = items.flatMap((item) =>
    (s.answers[item.pairKey] ?? []).map((a, k) => ({ schoolId, sessionId: session.id, itemId: item.id, participantId: (participants[k] as { id: string }).id, now: a.now, wanted: a.wanted })),
  );
  if (rows.length) await exec.insert(dialogueAnswers).values(rows);
  return { session, items };
}

/** n answers spread evenly around a now and a wanted value. */
export const around = (n: number, now: number, wanted: number, spread = 10): SeedAnswer[] =>
  Array.from({ length: n }, (_, k) => {
    const d = n > 1 ? Math.round(((k / (n - 1)) * 2 - 1) * spread) : 0;
    return { now: Math.max(0, Math.min(100, now + d)), wanted: Math.max(0, Math.min(100, wanted + d)) };
  });
