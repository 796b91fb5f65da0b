import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { COMPANY_OFFER_CATEGORIES, type TOffer, type ZOfferInput, type ZOfferPatch, type ZOffersQuery } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { companies, departments, offers } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { invalid, type FieldError } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';

/*
 * Offers: a company's (equipment, expertise, guest teaching, visits) and the school's own
 * continuing-education courses (IDV, AMU). The category decides the source; a company offer names
 * its company. Listed per department: the department's own offers and those for the whole school.
 */

export type OfferRow = typeof offers.$inferSelect;
type Fields = z.output<typeof ZOfferInput>;

const sourceOf = (category: string) => ((COMPANY_OFFER_CATEGORIES as readonly string[]).includes(category) ? 'company' : 'school');

async function check(tx: Executor, schoolId: string, f: Fields) {
  const fields: FieldError[] = [];
  const source = sourceOf(f.category);
  if (source === 'company' && f.companyId === null) fields.push({ field: 'companyId', key: 'validation.offer_company_required' });
  if (source === 'school' && f.companyId !== null) fields.push({ field: 'companyId', key: 'validation.offer_school_company' });
  if (source === 'company' && f.companyId !== null) {
    const id = f.companyId;
    const [c] = isUuid(id) ? await tx.select({ id: companies.id }).from(companies).where(and(eq(companies.schoolId, schoolId), eq(companies.id, id))) : [];
    if (!c) fields.push({ field: 'companyId', key: 'validation.unknown_company' });
  }
  if (f.departmentId !== null) {
    const id = f.departmentId;
    const [d] = isUuid(id) ? await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.schoolId, schoolId), eq(departments.id, id))) : [];
    if (!d) fields.push({ field: 'departmentId', key: 'validation.unknown_department' });
  }
  if (f.startsOn !== null && f.endsOn !== null && f.endsOn < f.startsOn) fields.push({ field: 'endsOn', key: 'validation.ends_before_start' });
  if (fields.length) throw invalid(fields);
  return source;
}

export async function createOffer(tx: Executor, actor: SchoolActor, input: Fields): Promise<OfferRow> {
  const source = await check(tx, actor.school.id, input);
  const [row] = await tx
    .insert(offers)
    .values({ schoolId: actor.school.id, source, ...input, createdBy: actor.person.id })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateOffer(tx: Executor, actor: SchoolActor, before: OfferRow, patch: z.output<typeof ZOfferPatch>): Promise<OfferRow> {
  const merged: Fields = {
    category: patch.category ?? (before.category as Fields['category']),
    companyId: patch.companyId !== undefined ? patch.companyId : before.companyId,
    departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
    title: patch.title ?? before.title,
    description: patch.description ?? before.description,
    contactName: patch.contactName ?? before.contactName,
    contactEmail: patch.contactEmail !== undefined ? patch.contactEmail : before.contactEmail,
    contactPhone: patch.contactPhone !== undefined ? patch.contactPhone : before.contactPhone,
    startsOn: patch.startsOn !== undefined ? patch.startsOn : before.startsOn,
    endsOn: patch.endsOn !== undefined ? patch.endsOn : before.endsOn,
  };
  const source = await check(tx, actor.school.id, merged);
  const [row] = await tx
    .update(offers)
    .set({ ...merged, source, updatedAt: new Date() })
    .where(and(eq(offers.schoolId, actor.school.id), eq(offers.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  return row;
}

export async function deleteOffer(tx: Executor, actor: SchoolActor, row: OfferRow) {
  await tx.delete(offers).where(and(eq(offers.schoolId, actor.school.id), eq(offers.id, row.id)));
}

type OfferView = OfferRow & { companyName: string | null; departmentName: string | null };

export async function listOffers(exec: Executor, schoolId: string, query: z.output<typeof ZOffersQuery>, onlyId?: string): Promise<OfferView[]> {
  const where: (SQL | undefined)[] = [eq(offers.schoolId, schoolId), isNull(offers.archivedAt)];
  if (onlyId !== undefined) where.push(eq(offers.id, onlyId));
  if (query.source) where.push(eq(offers.source, query.source));
  if (query.departmentId !== undefined) {
    if (!isUuid(query.departmentId)) return [];
    where.push(or(eq(offers.departmentId, query.departmentId), isNull(offers.departmentId)));
  }
  const rows = await exec
    .select({ o: offers, companyName: companies.name, departmentName: departments.name })
    .from(offers)
    .leftJoin(companies, and(eq(companies.schoolId, offers.schoolId), eq(companies.id, offers.companyId)))
    .leftJoin(departments, and(eq(departments.schoolId, offers.schoolId), eq(departments.id, offers.departmentId)))
    .where(and(...where))
    .orderBy(asc(sql`coalesce(${offers.startsOn}, '9999-12-31'::date)`), desc(offers.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r.o, companyName: r.companyName, departmentName: r.departmentName }));
}

export const presentOffer = (actor: SchoolActor, o: OfferView): TOffer => ({
  id: o.id,
  source: o.source as TOffer['source'],
  category: o.category as TOffer['category'],
  company: o.companyId && o.companyName !== null ? { id: o.companyId, name: o.companyName } : null,
  department: o.departmentId && o.departmentName !== null ? { id: o.departmentId, name: o.departmentName } : null,
  title: o.title,
  description: o.description,
  contactName: o.contactName,
  contactEmail: o.contactEmail,
  contactPhone: o.contactPhone,
  startsOn: o.startsOn,
  endsOn: o.endsOn,
  abilities: abilitiesOn(actor, ['offer:manage']),
});
