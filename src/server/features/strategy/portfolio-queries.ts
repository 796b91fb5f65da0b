import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { ambassadors, departments, people, strategyDecisions, technologies } from '../../db/schema/index';
import { nameMaps } from './queries';

/* Valg og fravalg: the decision log, the technology portfolio and the ambassador registry. */

/** The school's active departments, by name. */
export const activeDepartments = (exec: Executor, schoolId: string) =>
  exec.select({ id: departments.id, name: departments.name }).from(departments).where(and(eq(departments.schoolId, schoolId), isNull(departments.archivedAt))).orderBy(asc(departments.name));

export async function listDecisions(exec: Executor, schoolId: string) {
  const depts = await nameMaps(exec, schoolId);
  const rows = await exec.select().from(strategyDecisions).where(eq(strategyDecisions.schoolId, schoolId)).orderBy(desc(strategyDecisions.decidedOn), desc(strategyDecisions.createdAt));
  return rows.map((d) => ({
    id: d.id,
    level: d.level,
    departmentId: d.departmentId,
    departmentName: d.departmentId ? (depts.get(d.departmentId) ?? null) : null,
    initiativeId: d.initiativeId,
    what: d.what,
    why: d.why,
    decidedBy: d.decidedBy,
    decidedOn: d.decidedOn,
    source: d.source ?? null,
  }));
}

export async function portfolio(exec: Executor, schoolId: string) {
  const depts = await activeDepartments(exec, schoolId);
  const rows = await exec
    .select({ t: technologies, ownerName: people.name })
    .from(technologies)
    .leftJoin(people, and(eq(people.schoolId, technologies.schoolId), eq(people.id, technologies.ownerId)))
    .where(eq(technologies.schoolId, schoolId))
    .orderBy(asc(sql`lower(${technologies.name})`));
  const items = rows.map(({ t, ownerName }) => ({
    id: t.id,
    name: t.name,
    state: t.state,
    rationale: t.rationale,
    deselectionReason: t.deselectionReason,
    scope: t.scope,
    departmentIds: t.departmentIds,
    ownerId: t.ownerId,
    ownerName,
    initiativeIds: t.initiativeIds,
  }));
  const counts = { valgt: 0, afproves: 0, fravalgt: 0 };
  for (const t of items) counts[t.state]++;
  return {
    items,
    counts,
    departments: depts.map((d) => ({
      id: d.id,
      name: d.name,
      beyondCentral: items.filter((t) => t.scope === 'departments' && t.state !== 'fravalgt' && t.departmentIds.includes(d.id)).map((t) => ({ id: t.id, name: t.name, state: t.state })),
    })),
  };
}

export async function listAmbassadors(exec: Executor, schoolId: string) {
  const depts = await nameMaps(exec, schoolId);
  const techs = await exec.select({ id: technologies.id, name: technologies.name }).from(technologies).where(eq(technologies.schoolId, schoolId));
  const techName = new Map(techs.map((t) => [t.id, t.name]));
  const rows = await exec
    .select({ a: ambassadors, name: people.name, email: people.email })
    .from(ambassadors)
    .innerJoin(people, and(eq(people.schoolId, ambassadors.schoolId), eq(people.id, ambassadors.personId)))
    .where(eq(ambassadors.schoolId, schoolId))
    .orderBy(asc(people.name));
  return rows.map(({ a, name, email }) => ({
    id: a.id,
    personId: a.personId,
    name,
    email,
    kind: a.kind,
    departmentId: a.departmentId,
    departmentName: a.departmentId ? (depts.get(a.departmentId) ?? null) : null,
    technologies: a.technologyIds.map((id) => ({ id, name: techName.get(id) ?? '' })),
    hoursPerWeek: a.hoursPerWeek,
    contact: a.contact,
  }));
}
