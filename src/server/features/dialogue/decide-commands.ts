import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZDialogueDecisionInput } from '../../../shared/api/dialogue-results';
import { dialogueItems } from '../../db/schema/index';
import { invalid } from '../../platform/errors';
import { authorize } from '../../platform/policy';
import { todayInCopenhagen } from '../../platform/time';
import { addDecision, createInitiative, type StrategyWriter } from '../strategy/api';
import { assertClosed, type DialogueSessionRow } from './results-queries';
import { loadSession } from './sessions-queries';

/**
 * "Træf beslutning" (docs/dialogue.md, "After the session"): a decision in the strategy's decision
 * log from a pair of a closed session, or of a comparison with a second closed session, whose
 * `source` names the sessions and the pair so the log links back; optionally an initiative draft
 * made from it and linked to it. Everything in the route's one transaction: nothing half-written.
 */
const INITIATIVE_DAYS = 365;
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function pairOf(w: StrategyWriter, session: DialogueSessionRow, pairKey: string, field: string) {
  const [item] = await w.db
    .select()
    .from(dialogueItems)
    .where(and(eq(dialogueItems.schoolId, session.schoolId), eq(dialogueItems.sessionId, session.id), eq(dialogueItems.pairKey, pairKey)))
    .limit(1);
  if (!item) throw invalid([{ field, key: 'dialogue.results.validation.pair_not_in_session' }]);
  return item;
}

export async function decideFromDialogue(w: StrategyWriter, session: DialogueSessionRow, input: z.output<typeof ZDialogueDecisionInput>) {
  assertClosed(session);
  const sessions = [session];
  if (input.compareWith) {
    if (input.compareWith === session.id) throw invalid([{ field: 'compareWith', key: 'dialogue.results.validation.compare_same' }]);
    const other = await loadSession(w.db, w.actor, input.compareWith);
    authorize(w.actor, 'dialogueSession:results', other.resource);
    assertClosed(other.session);
    sessions.push(other.session);
  }
  const item = await pairOf(w, session, input.pairKey, 'pairKey');
  for (const other of sessions.slice(1)) await pairOf(w, other, input.pairKey, 'pairKey');
  const en = w.actor.locale === 'en';
  const pairLabel = `${en && item.leftEn ? item.leftEn : item.leftDa} – ${en && item.rightEn ? item.rightEn : item.rightDa}`;
  const departmentId = input.level === 'department' ? (input.departmentId ?? null) : null;
  // the session says who may decide on its results; the log says where this person may record a decision
  authorize(w.actor, 'decision:create', { kind: 'department_scoped', departmentId });

  let initiativeId: string | null = null;
  if (input.initiative) {
    authorize(w.actor, 'initiative:create', { kind: 'initiative', level: input.level, departmentId, ownerId: null, collaboratorIds: [] });
    const today = todayInCopenhagen();
    const initiative = await createInitiative(w, {
      strategyId: null,
      title: clip(input.what, 200),
      why: clip(input.why, 280),
      pedagogicalGoals: [],
      sigtelinjer: [],
      reformGoals: [],
      level: input.level,
      departmentId,
      parentId: null,
      ownerId: w.actor.person.id,
      collaboratorIds: [],
      startsOn: today,
      endsOn: addDays(today, INITIATIVE_DAYS),
    });
    initiativeId = initiative.id;
  }
  const source = { kind: 'dialogue' as const, sessionIds: sessions.map((s) => s.id), sessionTitles: sessions.map((s) => s.title), pairKey: input.pairKey, pairLabel };
  const decision = await addDecision(
    w,
    { level: input.level, departmentId, initiativeId, what: input.what, why: input.why, ...(input.decidedBy ? { decidedBy: input.decidedBy } : {}), decidedOn: input.decidedOn },
    source,
  );
  await w.audit({ action: 'dialogue.decision_made', resourceType: 'dialogue_session', resourceId: session.id, summary: pairLabel, changes: { ...source, decisionId: decision.id, initiativeId } });
  return { decisionId: decision.id, initiativeId };
}
