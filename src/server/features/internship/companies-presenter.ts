import type { TCompany } from '../../../shared/api/internship';
import type { SchoolActor } from '../../platform/actor';
import { abilitiesOn } from '../../platform/policy';
import type { CompanyExtras, CompanyRow } from './companies-queries';

export const presentCompany = (actor: SchoolActor, row: CompanyRow, extras: CompanyExtras | undefined): TCompany => ({
  id: row.id,
  name: row.name,
  cvr: row.cvr,
  pNumber: row.pNumber,
  address: row.address,
  postcode: row.postcode,
  city: row.city,
  trade: row.trade,
  website: row.website,
  contacts: row.contacts,
  notes: row.notes,
  programmes: extras?.programmes ?? [],
  archived: row.archivedAt !== null,
  currentStudents: extras?.currentStudents ?? 0,
  abilities: abilitiesOn(actor, ['company:manage', 'company:inviteSupervisor']),
});
