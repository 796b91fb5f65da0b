import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dialogueAnswers, dialogueComments, dialogueItems, dialogueParticipants, dialogueSessions } from '../../db/schema/index';
import type { PersonalDataHooks } from '../../platform/feature';

/**
 * A person's part of the dialogues (docs/dialogue.md, "Privacy"; docs/PRIVACY.md): the answers and
 * comments they gave signed in to asynchronous sessions. Live participants are browsers, never a
 * person. Erasure removes the link from participant to person: the answers and comments stay as
 * anonymous ones, so no published figure changes by one person.
 */
export const dialoguePersonalData: PersonalDataHooks = {
  export: async (exec, schoolId, personId) => {
    const mine = and(eq(dialogueParticipants.schoolId, schoolId), eq(dialogueParticipants.personId, personId));
    const [answers, comments] = await Promise.all([
      exec
        .select({ session: dialogueSessions.title, left: dialogueItems.leftDa, right: dialogueItems.rightDa, now: dialogueAnswers.now, wanted: dialogueAnswers.wanted, savedAt: dialogueAnswers.updatedAt })
        .from(dialogueAnswers)
        .innerJoin(dialogueParticipants, and(eq(dialogueParticipants.schoolId, dialogueAnswers.schoolId), eq(dialogueParticipants.id, dialogueAnswers.participantId)))
        .innerJoin(dialogueItems, and(eq(dialogueItems.schoolId, dialogueAnswers.schoolId), eq(dialogueItems.id, dialogueAnswers.itemId)))
        .innerJoin(dialogueSessions, and(eq(dialogueSessions.schoolId, dialogueAnswers.schoolId), eq(dialogueSessions.id, dialogueAnswers.sessionId)))
        .where(mine)
        .orderBy(dialogueSessions.title, dialogueItems.position),
      exec
        .select({ session: dialogueSessions.title, text: dialogueComments.text, status: dialogueComments.status, writtenAt: dialogueComments.createdAt })
        .from(dialogueComments)
        .innerJoin(dialogueParticipants, and(eq(dialogueParticipants.schoolId, dialogueComments.schoolId), eq(dialogueParticipants.id, dialogueComments.participantId)))
        .innerJoin(dialogueSessions, and(eq(dialogueSessions.schoolId, dialogueComments.schoolId), eq(dialogueSessions.id, dialogueComments.sessionId)))
        .where(mine)
        .orderBy(dialogueComments.createdAt),
    ]);
    return {
      dialogueAnswers: answers.map(({ left, right, ...a }) => ({ session: a.session, pair: `${left} – ${right}`, now: a.now, wanted: a.wanted, savedAt: a.savedAt })),
      dialogueComments: comments,
    };
  },
  erase: async (tx: Executor, schoolId, personId) => {
    const unlinked = await tx
      .update(dialogueParticipants)
      .set({ personId: null })
      .where(and(eq(dialogueParticipants.schoolId, schoolId), eq(dialogueParticipants.personId, personId), isNotNull(dialogueParticipants.personId)))
      .returning({ k: sql`1` });
    return { anonymised: { dialogueParticipants: unlinked.length } };
  },
};
