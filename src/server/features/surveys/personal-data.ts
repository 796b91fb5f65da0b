import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { surveyDrafts, surveyParticipation, surveyRounds } from '../../db/schema/index';
import type { PersonalDataHooks } from '../../platform/feature';
import { personKey } from './rounds-model';

/**
 * A person's part of the surveys (docs/PRIVACY.md): which rounds they answered and any sheet they
 * have saved but not sent. Their submitted answers are not theirs to export or erase: they exist
 * only as counts that no longer know whose they were, and stay as they are.
 */
export const surveysPersonalData: PersonalDataHooks = {
  export: async (exec, schoolId, personId) => {
    const [answered, drafts] = await Promise.all([
      exec
        .select({ round: surveyRounds.name, closesOn: surveyRounds.closesOn })
        .from(surveyParticipation)
        .innerJoin(surveyRounds, and(eq(surveyRounds.schoolId, surveyParticipation.schoolId), eq(surveyRounds.id, surveyParticipation.roundId)))
        .where(and(eq(surveyParticipation.schoolId, schoolId), eq(surveyParticipation.personId, personId)))
        .orderBy(surveyRounds.closesOn),
      exec
        .select({ round: surveyRounds.name, answers: surveyDrafts.answers, comments: surveyDrafts.comments, savedAt: surveyDrafts.updatedAt })
        .from(surveyDrafts)
        .innerJoin(surveyRounds, and(eq(surveyRounds.schoolId, surveyDrafts.schoolId), eq(surveyRounds.id, surveyDrafts.roundId)))
        .where(and(eq(surveyDrafts.schoolId, schoolId), eq(surveyDrafts.ownerKey, personKey(personId)))),
    ]);
    return {
      surveysAnswered: answered,
      // answers and free text as lists, so that every field has a label in the PDF (an item key is a value, not a field)
      surveyDrafts: drafts.map((d) => ({
        round: d.round,
        savedAt: d.savedAt,
        answers: Object.entries(d.answers).map(([statement, answer]) => ({ statement, answer })),
        comments: Object.entries(d.comments).map(([area, text]) => ({ area, text })),
      })),
    };
  },
  erase: async (tx: Executor, schoolId, personId) => {
    const drafts = await tx
      .delete(surveyDrafts)
      .where(and(eq(surveyDrafts.schoolId, schoolId), eq(surveyDrafts.ownerKey, personKey(personId))))
      .returning({ k: sql`1` });
    const participation = await tx
      .delete(surveyParticipation)
      .where(and(eq(surveyParticipation.schoolId, schoolId), eq(surveyParticipation.personId, personId)))
      .returning({ k: sql`1` });
    return { deleted: { surveyDrafts: drafts.length, surveyParticipation: participation.length } };
  },
};
