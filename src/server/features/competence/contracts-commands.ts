import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceContractHistory, competenceContracts, competenceCourses, people, type ContractContent } from '../../db/schema/index';
import { displayName, type SchoolActor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { invalid } from '../../platform/errors';
import { cancelCalendarItem, upsertCalendarItem } from '../calendar/api';
import { competencesOf, ensureFramework, loadFramework } from './frameworks';

export type ContractRow = typeof competenceContracts.$inferSelect;

async function checkContent(exec: Executor, schoolId: string, content: ContractContent) {
  const fw = await loadFramework(exec, schoolId, await ensureFramework(exec, schoolId, 'staff'));
  const known = new Set(fw ? competencesOf(fw).map((c) => c.id) : []);
  const errs = content.goals.flatMap((g, i) => (known.has(g.competenceId) ? [] : [{ field: `content.goals.${i}.competenceId`, key: 'competence.validation.unknown_competence' }]));
  for (const [i, a] of content.activities.entries()) {
    if (a.kind === 'course') {
      const [c] = a.courseId
        ? await exec
            .select({ id: competenceCourses.id })
            .from(competenceCourses)
            .where(and(eq(competenceCourses.schoolId, schoolId), eq(competenceCourses.id, a.courseId)))
        : [];
      if (!c) errs.push({ field: `content.activities.${i}.courseId`, key: 'competence.validation.unknown_course' });
    }
  }
  if (!content.goals.length) errs.push({ field: 'content.goals', key: 'competence.validation.goal_required' });
  if (errs.length) throw invalid(errs);
}

/**
 * Follow-up dates go into the årshjul (school-visible), so the item says only that a follow-up on
 * a development contract takes place in the department: no name, goals or levels.
 * One item per (contract, date); dates no longer in the contract, or a cancelled contract, cancel theirs.
 */
export const CONTRACT_FOLLOWUP_TITLE = 'Opfølgning på udviklingskontrakt';
const followUpRef = (contractId: string, date: string) => `contract-followup:${contractId}:${date}`;

async function syncFollowUps(tx: Executor, schoolId: string, before: ContractRow | null, after: ContractRow) {
  const [person] = await tx
    .select({ departmentId: people.departmentId })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, after.personId)));
  const current = after.status === 'cancelled' ? new Set<string>() : new Set(after.content.followUps);
  for (const date of new Set(before?.content.followUps ?? [])) {
    if (!current.has(date)) await cancelCalendarItem(tx, schoolId, 'competence', followUpRef(after.id, date));
  }
  for (const date of current) {
    await upsertCalendarItem(tx, schoolId, {
      source: 'competence',
      sourceRef: followUpRef(after.id, date),
      kind: 'contract_followup',
      title: CONTRACT_FOLLOWUP_TITLE,
      startsOn: date,
      departmentId: person?.departmentId ?? null,
      link: '/kompetencer/kontrakter',
    });
  }
}

/** Keeps the version in the contract's history; returns the audit event the caller writes. */
async function record(tx: Executor, actor: SchoolActor, c: ContractRow, action: string): Promise<AuditEntry> {
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${competenceContractHistory.seq}), 0)::int` })
    .from(competenceContractHistory)
    .where(and(eq(competenceContractHistory.schoolId, c.schoolId), eq(competenceContractHistory.contractId, c.id)));
  await tx
    .insert(competenceContractHistory)
    .values({ schoolId: c.schoolId, contractId: c.id, version: c.version, action, status: c.status, content: c.content, byName: displayName(actor), seq: (last?.seq ?? 0) + 1 });
  return { action: `competence.contract_${action}`, resourceType: 'competence_contract', resourceId: c.id, changes: { status: c.status, version: c.version } };
}

type Written = { contract: ContractRow; event: AuditEntry };

/** A draft agreed between the department head (the actor) and one of his staff. */
export async function createContract(tx: Executor, actor: SchoolActor, personId: string, content: ContractContent): Promise<Written> {
  await checkContent(tx, actor.school.id, content);
  const [c] = await tx.insert(competenceContracts).values({ schoolId: actor.school.id, personId, leaderPersonId: actor.person.id, status: 'draft', content }).returning();
  if (!c) throw new Error('contract insert failed');
  await syncFollowUps(tx, actor.school.id, null, c);
  return { contract: c, event: await record(tx, actor, c, 'created') };
}

/** A change of content starts a new version that both parties acknowledge again; a status change keeps the version. */
export async function updateContract(tx: Executor, actor: SchoolActor, before: ContractRow, input: { content?: ContractContent | undefined; status?: string | undefined }): Promise<Written> {
  if (input.content) await checkContent(tx, actor.school.id, input.content);
  const contentChanged = input.content !== undefined && JSON.stringify(input.content) !== JSON.stringify(before.content);
  const [c] = await tx
    .update(competenceContracts)
    .set({
      ...(contentChanged ? { content: input.content, version: before.version + 1, employeeAckAt: null, leaderAckAt: null, status: before.status === 'agreed' ? 'draft' : before.status } : {}),
      ...(input.status ? { status: input.status } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(competenceContracts.schoolId, actor.school.id), eq(competenceContracts.id, before.id)))
    .returning();
  if (!c) throw new Error('contract update failed');
  await syncFollowUps(tx, actor.school.id, before, c);
  return { contract: c, event: await record(tx, actor, c, contentChanged ? 'changed' : 'status_changed') };
}

/** The actor acknowledges the current version; a draft is agreed when both parties have. */
export async function acknowledgeContract(tx: Executor, actor: SchoolActor, before: ContractRow): Promise<Written> {
  const now = new Date();
  const isEmployee = before.personId === actor.person.id;
  const employeeAckAt = isEmployee ? (before.employeeAckAt ?? now) : before.employeeAckAt;
  const leaderAckAt = !isEmployee ? (before.leaderAckAt ?? now) : before.leaderAckAt;
  const status = employeeAckAt && leaderAckAt && before.status === 'draft' ? 'agreed' : before.status;
  const [c] = await tx
    .update(competenceContracts)
    .set({ employeeAckAt, leaderAckAt, status, updatedAt: now })
    .where(and(eq(competenceContracts.schoolId, actor.school.id), eq(competenceContracts.id, before.id)))
    .returning();
  if (!c) throw new Error('contract update failed');
  return { contract: c, event: await record(tx, actor, c, isEmployee ? 'acknowledged_by_employee' : 'acknowledged_by_leader') };
}
