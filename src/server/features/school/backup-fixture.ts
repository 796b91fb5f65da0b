import { randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  dialogueBoundaries,
  dialoguePairs,
  dialogueParticipants,
  dialoguePendingChanges,
  ambassadors,
  calendarFeeds,
  checkins,
  competenceAssessments,
  competenceContractHistory,
  competenceContracts,
  competencePendingChanges,
  homeDigests,
  homePreferences,
  initiativeCollaborators,
  initiativeComments,
  initiatives,
  libraryCoauthors,
  libraryComments,
  libraryItemMaterials,
  libraryItems,
  libraryReviews,
  librarySettings,
  people,
  personTeams,
  strategies,
  strategyDecisions,
  strategyTerms,
  strategyVersions,
  surveyDrafts,
  surveyLinks,
  surveyOwnItems,
  surveyRounds,
  surveySettings,
  technologies,
  teams,
} from '../../db/schema/index';

/**
 * The demo seed leaves some tables empty: a row in each (where the seed has none yet), with values
 * that are easy to lose on the way (quotes, backslashes, new lines, letters outside ASCII,
 * fractions, arrays, jsonb, an account reference), so that the round trip covers every table.
 */
export async function fillEveryTable(db: Db, schoolId: string, teacherEmail: string): Promise<void> {
  const tricky = 'Ærø "citat" \\ sti\nny linje – ✓ 🚲';
  const one = async <T>(rows: Promise<T[]>) => {
    const [row] = await rows;
    if (!row) throw new Error('demo data missing');
    return row;
  };
  const teacher = await one(db.select().from(people).where(and(eq(people.schoolId, schoolId), eq(people.email, teacherEmail))));
  const leader = await one(db.select().from(people).where(and(eq(people.schoolId, schoolId), ne(people.id, teacher.id))).limit(1));
  const team = await one(db.select().from(teams).where(eq(teams.schoolId, schoolId)).limit(1));
  const strategy = await one(db.select().from(strategies).where(eq(strategies.schoolId, schoolId)).limit(1));
  const initiative = await one(db.select().from(initiatives).where(eq(initiatives.schoolId, schoolId)).limit(1));
  const technology = await one(db.select().from(technologies).where(eq(technologies.schoolId, schoolId)).limit(1));
  const assessment = await one(db.select().from(competenceAssessments).where(eq(competenceAssessments.schoolId, schoolId)).limit(1));
  const forlob = await one(db.select().from(libraryItems).where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.kind, 'forlob'))).limit(1));
  const material = await one(db.select().from(libraryItems).where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.kind, 'material'))).limit(1));
  const content = { goals: [{ competenceId: 'x', targetLevel: 3, note: tricky }], activities: [], followUps: ['2026-01-15'], note: '' };

  await db.insert(personTeams).values({ schoolId, personId: teacher.id, teamId: team.id });
  await db.insert(strategyTerms).values({ schoolId, kind: 'sigtelinje', key: 'digital', label: tricky });
  await db.insert(strategyVersions).values({ schoolId, strategyId: strategy.id, version: 1, content: strategy.content, publishedBy: 'Ledelsen' }).onConflictDoNothing();
  await db.insert(initiativeCollaborators).values({ schoolId, initiativeId: initiative.id, personId: teacher.id }).onConflictDoNothing();
  await db.insert(checkins).values({ schoolId, initiativeId: initiative.id, heldOn: '2025-01-31', progress: 3, authorName: tricky, authorId: leader.id });
  await db.insert(initiativeComments).values({ schoolId, initiativeId: initiative.id, authorName: 'Lone', authorId: teacher.id, body: tricky });
  await db.insert(strategyDecisions).values({ schoolId, level: 'central', initiativeId: initiative.id, what: tricky, why: 'fordi', decidedBy: 'Ledelsen', decidedOn: '2024-12-24' });
  await db.insert(ambassadors).values({ schoolId, personId: teacher.id, kind: 'ambassador', technologyIds: [technology.id], hoursPerWeek: 0.1 + 0.2, contact: tricky });
  await db.insert(calendarFeeds).values({ schoolId, tokenHash: randomBytes(32).toString('hex'), createdBy: teacher.accountId });
  await db.insert(competencePendingChanges).values({ schoolId, roundId: assessment.roundId, departmentKey: assessment.id, assessmentId: assessment.id });
  const contract = await one(db.insert(competenceContracts).values({ schoolId, personId: teacher.id, leaderPersonId: leader.id, status: 'agreed', content, employeeAckAt: new Date() }).returning());
  await db.insert(competenceContractHistory).values({ schoolId, contractId: contract.id, version: 1, action: 'agreed', status: 'agreed', content, byName: tricky, seq: 1 });
  await db.insert(libraryCoauthors).values({ schoolId, itemId: forlob.id, personId: leader.id });
  await db.insert(libraryItemMaterials).values({ schoolId, itemId: forlob.id, materialId: material.id, position: 1 });
  await db.insert(libraryReviews).values({ schoolId, itemId: forlob.id, version: 1, reviewerId: leader.id, checklist: { klar: true }, fieldComments: { maal: tricky }, decision: 'approved' });
  await db.insert(libraryComments).values({ schoolId, itemId: forlob.id, authorId: teacher.id, body: tricky });
  await db.insert(librarySettings).values({ schoolId, requiredFields: ['maal'], criteria: [tricky] });
  await db.insert(homePreferences).values({ schoolId, personId: teacher.id, weeklyDigest: false });
  await db.insert(homeDigests).values({ schoolId, personId: teacher.id, week: '2025-W23', tokenHash: randomBytes(32).toString('hex') });
  const round = await one(db.select().from(surveyRounds).where(eq(surveyRounds.schoolId, schoolId)).limit(1));
  await db.insert(surveySettings).values({ schoolId, disabledItemKeys: ['inf-07', tricky], liveResults: true });
  await db.insert(surveyOwnItems).values({ schoolId, key: 'own-aeroe', area: 'videndeling', texts: { teacher: { da: tricky, en: 'Own item' } } });
  await db.insert(surveyLinks).values({ schoolId, roundId: round.id, group: 'student', departmentId: team.departmentId, tokenHash: randomBytes(32).toString('hex') });
  await db.insert(surveyDrafts).values({ schoolId, roundId: round.id, ownerKey: `person:${teacher.id}`, answers: { 'vid-01': 4, 'vid-02': 'dont_know' }, comments: { videndeling: tricky } });
  await db.insert(dialoguePairs).values({ schoolId, builtinKey: 'kultur-strategi', leftDa: tricky, rightDa: 'strategi', leftEn: 'Culture', rightEn: 'strategy' });
  await db.insert(dialogueBoundaries).values({ schoolId, key: 'vertical', nameDa: tricky, nameEn: 'Vertical', descriptionDa: tricky, descriptionEn: 'Between levels' });
  const participant = await one(db.select().from(dialogueParticipants).where(eq(dialogueParticipants.schoolId, schoolId)).limit(1));
  await db.insert(dialoguePendingChanges).values({ schoolId, sessionId: participant.sessionId, participantId: participant.id });
  // someone who has left: the time of leaving, which a trigger keeps, must come back as it was
  const left = await one(db.select().from(people).where(and(eq(people.schoolId, schoolId), isNull(people.accountId))).limit(1));
  await db.update(people).set({ active: false }).where(and(eq(people.schoolId, schoolId), eq(people.id, left.id)));
}
