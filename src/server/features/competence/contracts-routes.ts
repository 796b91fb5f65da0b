import { ZId } from '../../../shared/api/common';
import { ZContract, ZContractCreate, ZContractList, ZContractPatch } from '../../../shared/api/competence';
import { competenceContracts, people } from '../../db/schema/index';
import { invalid } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { assertStaff } from '../people/api';
import { acknowledgeContract, createContract, updateContract } from './contracts-commands';
import { contractResource, contractView, listContracts } from './contracts-queries';

/* Development contracts (udviklingskontrakter) between a department head and an employee of his department. */

const tags = ['competence'];

export const contractRoutes = [
  route({
    method: 'GET',
    url: '/competence/contracts',
    summary: 'Development contracts I am a party to',
    tags,
    action: 'contract:list',
    response: ZContractList,
    handler: ({ db, actor }) => listContracts(db, actor),
  }),
  route({
    method: 'POST',
    url: '/competence/contracts',
    summary: 'Draft a development contract with an employee of my department',
    tags,
    action: 'contract:create',
    body: ZContractCreate,
    status: 201,
    response: ZContract,
    writes: true,
    load: ({ db, actor, body }) =>
      loadScoped(db, actor, people, body.personId).catch(() => {
        throw invalid([{ field: 'personId', key: 'competence.validation.unknown_person' }]);
      }),
    policyResource: (p) => ({ kind: 'competenceStaff' as const, personId: p.id, departmentId: p.departmentId }),
    handler: async ({ db, actor, body, resource: person, audit }) => {
      // a development contract is between a leader and an employee: students and company supervisors have none
      await assertStaff(db, actor.school.id, [person.id], 'personId');
      const { contract, event } = await createContract(db, actor, person.id, body.content);
      await audit(event);
      return contractView(db, actor, contract);
    },
  }),
  route({
    method: 'GET',
    url: '/competence/contracts/:id',
    summary: 'A contract with its history',
    tags,
    action: 'contract:read',
    params: ZId,
    response: ZContract,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceContracts, params.id),
    policyResource: contractResource,
    handler: ({ db, actor, resource }) => contractView(db, actor, resource),
  }),
  route({
    method: 'PATCH',
    url: '/competence/contracts/:id',
    summary: 'Change goals, activities, follow-ups or status (a content change asks both parties to acknowledge again)',
    tags,
    action: 'contract:update',
    params: ZId,
    body: ZContractPatch,
    response: ZContract,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceContracts, params.id),
    policyResource: contractResource,
    handler: async ({ db, actor, body, resource: before, audit }) => {
      const { contract, event } = await updateContract(db, actor, before, body);
      await audit(event);
      return contractView(db, actor, contract);
    },
  }),
  route({
    method: 'POST',
    url: '/competence/contracts/:id/acknowledge',
    summary: 'Acknowledge the current version; agreed when both parties have',
    tags,
    action: 'contract:acknowledge',
    params: ZId,
    response: ZContract,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceContracts, params.id),
    policyResource: contractResource,
    handler: async ({ db, actor, resource: before, audit }) => {
      const { contract, event } = await acknowledgeContract(db, actor, before);
      await audit(event);
      return contractView(db, actor, contract);
    },
  }),
];
