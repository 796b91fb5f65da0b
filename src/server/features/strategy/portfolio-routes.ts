import { and, eq } from 'drizzle-orm';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZAmbassadorList, ZCreated, ZDecisionList, ZPortfolio, ZTechnologySaved } from '../../../shared/api/strategy';
import { ambassadors, people, technologies } from '../../db/schema/index';
import { loadScoped } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import * as choices from './portfolio-commands';
import { listAmbassadors, listDecisions, portfolio } from './portfolio-queries';
import { ambassadorAbilities, scoped } from './presenter';
import { ZAmbassadorInput, ZDecisionInput, ZTechnologyInput, ZTechnologyPatch } from './schemas';

/* Valg og fravalg: the decision log, the technology portfolio and the ambassador registry. */

const tags = ['strategy'];

export const portfolioRoutes = [
  route({
    method: 'GET',
    url: '/decisions',
    summary: 'The decision log',
    tags,
    action: 'strategy:read',
    response: ZDecisionList,
    handler: ({ db, actor }) => listDecisions(db, actor.school.id),
  }),
  route({
    method: 'POST',
    url: '/decisions',
    summary: 'Record a decision',
    tags,
    action: 'decision:create',
    body: ZDecisionInput,
    status: 201,
    response: ZCreated,
    writes: true,
    load: async ({ body }) => scoped(body.level === 'central' ? null : (body.departmentId ?? null)),
    handler: async (ctx) => ({ id: (await choices.addDecision(ctx, ctx.body)).id }),
  }),
  route({
    method: 'GET',
    url: '/technologies',
    summary: 'The technology portfolio: choices and deselections',
    tags,
    action: 'strategy:read',
    response: ZPortfolio,
    handler: async ({ db, actor }) => ({ ...(await portfolio(db, actor.school.id)), abilities: abilitiesOn(actor, ['strategy:manage']) }),
  }),
  route({
    method: 'POST',
    url: '/technologies',
    summary: 'Add a technology to the portfolio',
    tags,
    action: 'strategy:manage',
    body: ZTechnologyInput,
    status: 201,
    response: ZTechnologySaved,
    writes: true,
    handler: async (ctx) => {
      const row = await choices.addTechnology(ctx, ctx.body);
      return { id: row.id, name: row.name, state: row.state };
    },
  }),
  route({
    method: 'PATCH',
    url: '/technologies/:id',
    summary: 'Change a technology (a deselection needs its reason)',
    tags,
    action: 'strategy:manage',
    params: ZId,
    body: ZTechnologyPatch,
    response: ZTechnologySaved,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, technologies, params.id),
    policyResource: () => undefined,
    handler: async (ctx) => {
      const row = await choices.updateTechnology(ctx, ctx.resource, ctx.body);
      return { id: row.id, name: row.name, state: row.state };
    },
  }),
  route({
    method: 'GET',
    url: '/ambassadors',
    summary: 'IT ambassadors and super users',
    tags,
    action: 'strategy:read',
    response: ZAmbassadorList,
    handler: async ({ db, actor }) => (await listAmbassadors(db, actor.school.id)).map((a) => ({ ...a, abilities: ambassadorAbilities(actor, a.departmentId) })),
  }),
  route({
    method: 'POST',
    url: '/ambassadors',
    summary: 'Register an IT ambassador or super user',
    tags,
    action: 'ambassador:manage',
    body: ZAmbassadorInput,
    status: 201,
    response: ZCreated,
    writes: true,
    // a department head registers people of his own department only: without a department given, the person's own
    load: async ({ db, actor, body }) => {
      if (body.departmentId !== undefined) return scoped(body.departmentId);
      const [p] = await db.select({ departmentId: people.departmentId }).from(people).where(and(eq(people.schoolId, actor.school.id), eq(people.id, body.personId)));
      return scoped(p?.departmentId ?? null);
    },
    handler: async (ctx) => ({ id: (await choices.addAmbassador(ctx, ctx.body)).id }),
  }),
  route({
    method: 'DELETE',
    url: '/ambassadors/:id',
    summary: 'Remove from the registry',
    tags,
    action: 'ambassador:manage',
    params: ZId,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, ambassadors, params.id),
    policyResource: (a) => scoped(a.departmentId),
    handler: async (ctx) => choices.removeAmbassador(ctx, ctx.resource),
  }),
];
