import { z } from 'zod';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZCompaniesQuery, ZCompanyDetail, ZCompanyInput, ZCompanyList, ZCompanyPatch, ZSupervisorInvite, ZSupervisorInvited } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import { AppError, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { deliverLink, linkFor, TOKEN_TTL_DAYS } from '../auth/api';
import { createCompany, updateCompany } from './companies-commands';
import { presentCompany } from './companies-presenter';
import { companyExtras, companySupervisors, listCompanies, loadCompany, type CompanyRow } from './companies-queries';
import { inviteSupervisor, removeSupervisor } from './supervisors-commands';

/* Companies (praktiksteder) and their supervisors (docs/internship.md, "Companies"). */

const tags = ['internship'];

async function detail(exec: Executor, actor: SchoolActor, row: CompanyRow) {
  const [extras, supervisors] = await Promise.all([companyExtras(exec, actor.school.id, [row.id]), companySupervisors(exec, actor.school.id, row.id)]);
  return { ...presentCompany(actor, row, extras.get(row.id)), supervisors };
}

export const companyRoutes = [
  route({
    method: 'GET',
    url: '/internship/companies',
    summary: 'Search companies by name, CVR or trade; per department (through its programmes) or programme',
    tags,
    action: 'company:list',
    query: ZCompaniesQuery,
    response: ZCompanyList,
    handler: async ({ db, actor, query }) => {
      const rows = await listCompanies(db, actor, query);
      const extras = await companyExtras(
        db,
        actor.school.id,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => presentCompany(actor, r, extras.get(r.id))), abilities: abilitiesOn(actor, ['company:manage']) };
    },
  }),
  route({
    method: 'POST',
    url: '/internship/companies',
    summary: 'Add a company (CVR checked by modulus 11, unique in the school)',
    tags,
    action: 'company:manage',
    body: ZCompanyInput,
    status: 201,
    response: ZCompanyDetail,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const row = await createCompany(db, actor, body);
      await audit({ action: 'company.created', resourceType: 'company', resourceId: row.id, summary: row.name, changes: { cvr: row.cvr } });
      return detail(db, actor, row);
    },
  }),
  route({
    method: 'GET',
    url: '/internship/companies/:id',
    summary: 'One company with its programmes and supervisors',
    tags,
    action: 'company:read',
    params: ZId,
    response: ZCompanyDetail,
    load: ({ db, actor, params }) => loadCompany(db, actor, params.id),
    policyResource: (c) => c.resource,
    handler: ({ db, actor, resource }) => detail(db, actor, resource.row),
  }),
  route({
    method: 'PATCH',
    url: '/internship/companies/:id',
    summary: 'Edit a company, its programmes, or archive it',
    tags,
    action: 'company:manage',
    params: ZId,
    body: ZCompanyPatch,
    response: ZCompanyDetail,
    writes: true,
    load: ({ db, actor, params }) => loadCompany(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource, audit }) => {
      const row = await updateCompany(db, actor, resource.row, body);
      await audit({ action: 'company.updated', resourceType: 'company', resourceId: row.id, summary: row.name, changes: { ...body } });
      return detail(db, actor, row);
    },
  }),
  route({
    method: 'POST',
    url: '/internship/companies/:id/supervisors',
    summary: 'Invite a praktikvejleder of the company by e-mail (or return the link to copy)',
    tags,
    action: 'company:inviteSupervisor',
    params: ZId,
    body: ZSupervisorInvite,
    status: 201,
    response: ZSupervisorInvited,
    writes: true,
    load: ({ db, actor, params }) => loadCompany(db, actor, params.id),
    policyResource: () => undefined,
    handler: async (c) => {
      const { mailer, config } = c.deps;
      const company = c.resource.row;
      const { person, token } = await inviteSupervisor(c, company, c.body, mailer.enabled);
      await c.audit({ action: 'company.supervisor_added', resourceType: 'company', resourceId: company.id, summary: `${company.name}: ${person.name}` });
      const answer = { supervisor: { id: person.id, name: person.name, email: person.email, invited: true }, emailed: false, link: null as string | null, expiresInDays: TOKEN_TTL_DAYS };
      if (token) {
        const input = { kind: 'invite' as const, to: person.email, locale: c.actor.locale, link: linkFor(ownOrigin(config, c.req), 'invite', token), schoolName: c.actor.school.name };
        c.afterCommit(async () => {
          const delivered = await deliverLink(mailer, input).catch((e: unknown) => {
            c.req.log.error({ err: e }, 'sending a supervisor invitation failed');
            throw new AppError(502, 'mail_failed');
          });
          Object.assign(answer, delivered);
        });
      }
      return answer;
    },
  }),
  route({
    method: 'DELETE',
    url: '/internship/companies/:id/supervisors/:personId',
    summary: 'Untie a praktikvejleder from the company',
    tags,
    action: 'company:inviteSupervisor',
    params: z.strictObject({ id: z.string().max(100), personId: z.string().max(100) }),
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadCompany(db, actor, params.id),
    policyResource: () => undefined,
    handler: async (c) => {
      const company = c.resource.row;
      if (!isUuid(c.params.personId) || !(await removeSupervisor(c, company, c.params.personId))) throw notFound();
      await c.audit({ action: 'company.supervisor_removed', resourceType: 'company', resourceId: company.id, summary: company.name, changes: { supervisorId: c.params.personId } });
    },
  }),
];
