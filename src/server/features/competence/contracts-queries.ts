import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { competenceContractHistory, competenceContracts, people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { abilitiesOn } from '../../platform/policy';
import type { ContractRow } from './contracts-commands';
import { CONTRACT_ACTIONS, type ContractResource } from './policy';

const employee = alias(people, 'employee');
const leader = alias(people, 'leader');

export const contractResource = (c: ContractRow): ContractResource => ({ kind: 'competenceContract', personId: c.personId, leaderPersonId: c.leaderPersonId });
const roleIn = (actor: SchoolActor, c: ContractRow) => (c.personId === actor.person.id ? ('employee' as const) : ('leader' as const));

/** The development contracts the actor is a party to: as the employee or as the leader. */
export async function listContracts(exec: Executor, actor: SchoolActor) {
  const rows = await exec
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
    role: roleIn(actor, c),
  }));
}

/** One contract with both parties' names, its history and what the actor may do with it. */
export async function contractView(exec: Executor, actor: SchoolActor, c: ContractRow) {
  const [names] = await exec
    .select({ employee: employee.name, leader: leader.name })
    .from(competenceContracts)
    .innerJoin(employee, and(eq(employee.schoolId, competenceContracts.schoolId), eq(employee.id, competenceContracts.personId)))
    .innerJoin(leader, and(eq(leader.schoolId, competenceContracts.schoolId), eq(leader.id, competenceContracts.leaderPersonId)))
    .where(and(eq(competenceContracts.schoolId, actor.school.id), eq(competenceContracts.id, c.id)));
  const history = await exec
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
    employeeAckAt: c.employeeAckAt,
    leaderAckAt: c.leaderAckAt,
    updatedAt: c.updatedAt,
    role: roleIn(actor, c),
    abilities: abilitiesOn(actor, CONTRACT_ACTIONS, contractResource(c)),
    history: history.map((h) => ({ version: h.version, action: h.action, status: h.status, byName: h.byName, at: h.at, content: h.content })),
  };
}
