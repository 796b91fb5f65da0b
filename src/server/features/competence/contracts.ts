import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { competenceContractHistory, competenceContracts, competenceCourses, people, type ContractContent } from '../../db/schema/index';
import { displayName, requireSchool, type SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { invalid } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { cancelCalendarItem, upsertCalendarItem } from '../calendar/items';
import { competencesOf, ensureFramework, loadFramework } from './frameworks';
import type { ContractResource } from './policy';

const ZId = z.strictObject({ id: z.string().max(100) });
const ZContent = z.strictObject({
  goals: z.array(z.strictObject({ competenceId: z.string().max(100), targetLevel: z.number().int().min(0).max(6), note: z.string().trim().max(1000).default('') })).max(30),
  activities: z.array(z.strictObject({ kind: z.enum(['course', 'sidemandsoplaering', 'other']), courseId: z.uuid().nullable().default(null), description: z.string().trim().max(1000).default('') })).max(30).default([]),
  followUps: z.array(z.iso.date()).max(20).default([]),
  note: z.string().trim().max(4000).default(''),
});
const ZCreate = z.strictObject({ personId: z.uuid(), content: ZContent });
const ZPatch = z.strictObject({ content: ZContent.optional(), status: z.enum(['draft', 'agreed', 'completed', 'cancelled']).optional() });

type Row = typeof competenceContracts.$inferSelect;
const resourceOf = (c: Row): ContractResource => ({ kind: 'competenceContract', personId: c.personId, leaderPersonId: c.leaderPersonId });

async function checkContent(exec: Executor, schoolId: string, content: ContractContent) {
  const fw = await loadFramework(exec, schoolId, await ensureFramework(exec, schoolId, 'staff'));
  const known = new Set(fw ? competencesOf(fw).map((c) => c.id) : []);
  const errs = content.goals.flatMap((g, i) => (known.has(g.competenceId) ? [] : [{ field: `content.goals.${i}.competenceId`, key: 'competence.validation.unknown_competence' }]));
  for (const [i, a] of content.activities.entries()) {
    if (a.kind === 'course') {
      const [c] = a.courseId ? await exec.select({ id: competenceCourses.id }).from(competenceCourses).where(and(eq(competenceCourses.schoolId, schoolId), eq(competenceCourses.id, a.courseId))) : [];
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

async function syncFollowUps(tx: Executor, schoolId: string, before: Row | null, after: Row) {
  const [person] = await tx.select({ departmentId: people.departmentId }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, after.personId)));
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

async function record(tx: Executor, actor: SchoolActor, c: Row, action: string) {
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${competenceContractHistory.seq}), 0)::int` })
    .from(competenceContractHistory)
    .where(and(eq(competenceContractHistory.schoolId, c.schoolId), eq(competenceContractHistory.contractId, c.id)));
  await tx.insert(competenceContractHistory).values({ schoolId: c.schoolId, contractId: c.id, version: c.version, action, status: c.status, content: c.content, byName: displayName(actor), seq: (last?.seq ?? 0) + 1 });
  await audit(tx, actor, { action: `competence.contract_${action}`, resourceType: 'competence_contract', resourceId: c.id, changes: { status: c.status, version: c.version } });
}

export function contractRoutes(app: App): void {
  const db = app.deps.database.db;
  const employee = alias(people, 'employee');
  const leader = alias(people, 'leader');

  const present = async (actor: SchoolActor, c: Row) => {
    const [names] = await db
      .select({ employee: employee.name, leader: leader.name })
      .from(competenceContracts)
      .innerJoin(employee, and(eq(employee.schoolId, competenceContracts.schoolId), eq(employee.id, competenceContracts.personId)))
      .innerJoin(leader, and(eq(leader.schoolId, competenceContracts.schoolId), eq(leader.id, competenceContracts.leaderPersonId)))
      .where(and(eq(competenceContracts.schoolId, actor.school.id), eq(competenceContracts.id, c.id)));
    const history = await db
      .select()
      .from(competenceContractHistory)
      .where(and(eq(competenceContractHistory.schoolId, actor.school.id), eq(competenceContractHistory.contractId, c.id)))
      .orderBy(desc(competenceContractHistory.seq));
    return {
      id: c.id,
      person: { id: c.personId, name: names?.employee ?? '' },
      leader: { id: c.leaderPersonId, name: names?.leader ?? '' },
      status: c.status,
      version: c.version,
      content: c.content,
      employeeAckAt: c.employeeAckAt?.toISOString() ?? null,
      leaderAckAt: c.leaderAckAt?.toISOString() ?? null,
      updatedAt: c.updatedAt.toISOString(),
      role: c.personId === actor.person.id ? 'employee' : 'leader',
      history: history.map((h) => ({ version: h.version, action: h.action, status: h.status, byName: h.byName, at: h.at.toISOString(), content: h.content })),
    };
  };

  app.get('/competence/contracts', { config: { action: 'contract:list' }, schema: { tags: ['competence'], summary: 'Development contracts I am a party to' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'contract:list');
    const rows = await db
      .select({ c: competenceContracts, employee: employee.name, leader: leader.name })
      .from(competenceContracts)
      .innerJoin(employee, and(eq(employee.schoolId, competenceContracts.schoolId), eq(employee.id, competenceContracts.personId)))
      .innerJoin(leader, and(eq(leader.schoolId, competenceContracts.schoolId), eq(leader.id, competenceContracts.leaderPersonId)))
      .where(and(eq(competenceContracts.schoolId, actor.school.id), or(eq(competenceContracts.personId, actor.person.id), eq(competenceContracts.leaderPersonId, actor.person.id))))
      .orderBy(asc(sql`lower(${employee.name})`), desc(competenceContracts.updatedAt));
    return rows.map(({ c, employee: e, leader: l }) => ({
      id: c.id,
      person: { id: c.personId, name: e },
      leader: { id: c.leaderPersonId, name: l },
      status: c.status,
      version: c.version,
      goals: c.content.goals.length,
      nextFollowUp: [...c.content.followUps].sort()[0] ?? null,
      employeeAcknowledged: c.employeeAckAt !== null,
      leaderAcknowledged: c.leaderAckAt !== null,
      role: c.personId === actor.person.id ? 'employee' : 'leader',
    }));
  });

  app.post('/competence/contracts', { config: { action: 'contract:create' }, schema: { tags: ['competence'], summary: 'Draft a development contract with an employee of my department', body: ZCreate } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const person = await loadScoped(db, actor, people, req.body.personId).catch(() => {
      throw invalid([{ field: 'personId', key: 'competence.validation.unknown_person' }]);
    });
    authorize(actor, 'contract:create', { kind: 'competenceStaff', personId: person.id, departmentId: person.departmentId });
    const row = await db.transaction(async (tx) => {
      await checkContent(tx, actor.school.id, req.body.content);
      const [c] = await tx.insert(competenceContracts).values({ schoolId: actor.school.id, personId: person.id, leaderPersonId: actor.person.id, status: 'draft', content: req.body.content }).returning();
      if (!c) throw new Error('contract insert failed');
      await syncFollowUps(tx, actor.school.id, null, c);
      await record(tx, actor, c, 'created');
      return c;
    });
    return reply.code(201).send(await present(actor, row));
  });

  app.get('/competence/contracts/:id', { config: { action: 'contract:read' }, schema: { tags: ['competence'], summary: 'A contract with its history', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const c = await loadScoped(db, actor, competenceContracts, req.params.id);
    authorize(actor, 'contract:read', resourceOf(c));
    return present(actor, c);
  });

  app.patch('/competence/contracts/:id', { config: { action: 'contract:update' }, schema: { tags: ['competence'], summary: 'Change goals, activities, follow-ups or status (a content change asks both parties to acknowledge again)', params: ZId, body: ZPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const before = await loadScoped(db, actor, competenceContracts, req.params.id);
    authorize(actor, 'contract:update', resourceOf(before));
    const row = await db.transaction(async (tx) => {
      if (req.body.content) await checkContent(tx, actor.school.id, req.body.content);
      const contentChanged = req.body.content !== undefined && JSON.stringify(req.body.content) !== JSON.stringify(before.content);
      const [c] = await tx
        .update(competenceContracts)
        .set({
          ...(contentChanged ? { content: req.body.content, version: before.version + 1, employeeAckAt: null, leaderAckAt: null, status: before.status === 'agreed' ? 'draft' : before.status } : {}),
          ...(req.body.status ? { status: req.body.status } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(competenceContracts.schoolId, actor.school.id), eq(competenceContracts.id, before.id)))
        .returning();
      if (!c) throw new Error('contract update failed');
      await syncFollowUps(tx, actor.school.id, before, c);
      await record(tx, actor, c, contentChanged ? 'changed' : 'status_changed');
      return c;
    });
    return present(actor, row);
  });

  app.post('/competence/contracts/:id/acknowledge', { config: { action: 'contract:acknowledge' }, schema: { tags: ['competence'], summary: 'Acknowledge the current version; agreed when both parties have', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const before = await loadScoped(db, actor, competenceContracts, req.params.id);
    authorize(actor, 'contract:acknowledge', resourceOf(before));
    const row = await db.transaction(async (tx) => {
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
      await record(tx, actor, c, isEmployee ? 'acknowledged_by_employee' : 'acknowledged_by_leader');
      return c;
    });
    return present(actor, row);
  });
}
