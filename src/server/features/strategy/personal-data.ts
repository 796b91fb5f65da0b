import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  ambassadors,
  checkins,
  initiativeCollaborators,
  initiativeComments,
  initiatives,
  people,
  strategies,
  strategyDecisions,
  strategyVersions,
  technologies,
} from '../../db/schema/index';
import type { ErasureContext, ErasureReport, PersonalDataHooks } from '../../platform/feature';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The person in the strategy module: strategies they own, initiatives they own or work on, their check-ins and comments, technologies they own, their ambassador roles, decisions in their name. */
async function exportStrategy(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const owned = await exec
    .select({ title: initiatives.title, startsOn: initiatives.startsOn, endsOn: initiatives.endsOn, state: initiatives.state })
    .from(initiatives)
    .where(and(eq(initiatives.schoolId, schoolId), eq(initiatives.ownerId, personId)))
    .orderBy(asc(initiatives.startsOn));
  const collaborating = await exec
    .select({ title: initiatives.title })
    .from(initiativeCollaborators)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, initiativeCollaborators.schoolId), eq(initiatives.id, initiativeCollaborators.initiativeId)))
    .where(and(eq(initiativeCollaborators.schoolId, schoolId), eq(initiativeCollaborators.personId, personId)));
  const myCheckins = await exec
    .select({ title: initiatives.title, c: checkins })
    .from(checkins)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, checkins.schoolId), eq(initiatives.id, checkins.initiativeId)))
    .where(and(eq(checkins.schoolId, schoolId), eq(checkins.authorId, personId)))
    .orderBy(asc(checkins.heldOn));
  const comments = await exec
    .select({ title: initiatives.title, body: initiativeComments.body, createdAt: initiativeComments.createdAt })
    .from(initiativeComments)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, initiativeComments.schoolId), eq(initiatives.id, initiativeComments.initiativeId)))
    .where(and(eq(initiativeComments.schoolId, schoolId), eq(initiativeComments.authorId, personId)))
    .orderBy(asc(initiativeComments.createdAt));
  const techs = await exec
    .select({ name: technologies.name, state: technologies.state })
    .from(technologies)
    .where(and(eq(technologies.schoolId, schoolId), eq(technologies.ownerId, personId)));
  const roles = await exec
    .select({ kind: ambassadors.kind, hoursPerWeek: ambassadors.hoursPerWeek, contact: ambassadors.contact, createdAt: ambassadors.createdAt })
    .from(ambassadors)
    .where(and(eq(ambassadors.schoolId, schoolId), eq(ambassadors.personId, personId)));
  const strategiesOwned = await exec
    .select({ title: sql<string>`${strategies.content}->>'title'`, status: strategies.status })
    .from(strategies)
    .where(and(eq(strategies.schoolId, schoolId), eq(strategies.ownerId, personId)));
  const [me] = await exec.select({ name: people.name }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  const decisions = me
    ? await exec
        .select({ what: strategyDecisions.what, decidedOn: strategyDecisions.decidedOn })
        .from(strategyDecisions)
        .where(and(eq(strategyDecisions.schoolId, schoolId), eq(strategyDecisions.decidedBy, me.name)))
    : [];
  return {
    strategiesOwned,
    initiativesOwned: owned,
    initiativesCollaborating: collaborating.map((c) => c.title),
    checkins: myCheckins.map(({ title, c }) => ({ initiative: title, heldOn: c.heldOn, progress: c.progress, decisions: c.decisions, nextSteps: c.nextSteps })),
    comments: comments.map((c) => ({ initiative: c.title, body: c.body, createdAt: iso(c.createdAt) })),
    technologiesOwned: techs,
    ambassadorRoles: roles.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    decisionsInTheirName: decisions,
  };
}

/**
 * The strategy module's rules (docs/PRIVACY.md): the school's plans stay. Strategies, initiatives
 * and technologies they own keep them as owner, shown by the former-employee name, so that leadership
 * sees who to replace; their check-ins and comments stay with the name replaced (also where it was
 * copied into a decision's "decided by" or a published version's "published by"). Their places as
 * collaborator and their ambassador or super-user roles go.
 */
async function eraseStrategy(tx: Executor, schoolId: string, personId: string, { subject }: ErasureContext): Promise<ErasureReport> {
  const collaborations = await tx
    .delete(initiativeCollaborators)
    .where(and(eq(initiativeCollaborators.schoolId, schoolId), eq(initiativeCollaborators.personId, personId)))
    .returning({ id: initiativeCollaborators.initiativeId });
  const roles = await tx
    .delete(ambassadors)
    .where(and(eq(ambassadors.schoolId, schoolId), eq(ambassadors.personId, personId)))
    .returning({ id: ambassadors.id });
  // Rows written before authors were recorded by id carry only the name.
  const byThem = (t: typeof checkins | typeof initiativeComments) =>
    and(eq(t.schoolId, schoolId), or(eq(t.authorId, personId), and(isNull(t.authorId), eq(t.authorName, subject.name))));
  const myCheckins = await tx.update(checkins).set({ authorName: subject.formerName }).where(byThem(checkins)).returning({ id: checkins.id });
  const comments = await tx.update(initiativeComments).set({ authorName: subject.formerName }).where(byThem(initiativeComments)).returning({ id: initiativeComments.id });
  const decisions = await tx
    .update(strategyDecisions)
    .set({ decidedBy: subject.formerName })
    .where(and(eq(strategyDecisions.schoolId, schoolId), eq(strategyDecisions.decidedBy, subject.name)))
    .returning({ id: strategyDecisions.id });
  const versions = await tx
    .update(strategyVersions)
    .set({ publishedBy: subject.formerName })
    .where(and(eq(strategyVersions.schoolId, schoolId), eq(strategyVersions.publishedBy, subject.name)))
    .returning({ v: strategyVersions.version });
  const owned = await tx.select({ id: initiatives.id }).from(initiatives).where(and(eq(initiatives.schoolId, schoolId), eq(initiatives.ownerId, personId)));
  const techs = await tx.select({ id: technologies.id }).from(technologies).where(and(eq(technologies.schoolId, schoolId), eq(technologies.ownerId, personId)));
  const ownedStrategies = await tx.select({ id: strategies.id }).from(strategies).where(and(eq(strategies.schoolId, schoolId), eq(strategies.ownerId, personId)));
  return {
    deleted: { collaborations: collaborations.length, ambassadorRoles: roles.length },
    anonymised: {
      strategiesOwned: ownedStrategies.length,
      initiativesOwned: owned.length,
      technologiesOwned: techs.length,
      checkins: myCheckins.length,
      comments: comments.length,
      decisions: decisions.length,
      strategyVersions: versions.length,
    },
  };
}

export const strategyPersonalData: PersonalDataHooks = { export: exportStrategy, erase: eraseStrategy };
