import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZOffer, ZOfferInput, ZOfferList, ZOfferPatch, ZOffersQuery } from '../../../shared/api/internship';
import { offers } from '../../db/schema/index';
import { loadScoped } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { createOffer, deleteOffer, listOffers, presentOffer, updateOffer } from './offers-store';

/* Offers of companies and the school's IDV/AMU courses (docs/internship.md, "Offers"). */

const tags = ['internship'];

export const offerRoutes = [
  route({
    method: 'GET',
    url: '/internship/offers',
    summary: "Companies' offers and the school's IDV/AMU courses; per department (its own and the whole school's)",
    tags,
    action: 'offer:list',
    query: ZOffersQuery,
    response: ZOfferList,
    handler: async ({ db, actor, query }) => ({
      items: (await listOffers(db, actor.school.id, query)).map((o) => presentOffer(actor, o)),
      abilities: abilitiesOn(actor, ['offer:manage']),
    }),
  }),
  route({
    method: 'POST',
    url: '/internship/offers',
    summary: "Add a company's offer or one of the school's courses",
    tags,
    action: 'offer:manage',
    body: ZOfferInput,
    status: 201,
    response: ZOffer,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const row = await createOffer(db, actor, body);
      await audit({ action: 'internship.offer_created', resourceType: 'offer', resourceId: row.id, summary: row.title });
      const [view] = await listOffers(db, actor.school.id, {}, row.id);
      return presentOffer(actor, view ?? { ...row, companyName: null, departmentName: null });
    },
  }),
  route({
    method: 'PATCH',
    url: '/internship/offers/:id',
    summary: 'Change an offer',
    tags,
    action: 'offer:manage',
    params: ZId,
    body: ZOfferPatch,
    response: ZOffer,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, offers, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource, audit }) => {
      const row = await updateOffer(db, actor, resource, body);
      await audit({ action: 'internship.offer_updated', resourceType: 'offer', resourceId: row.id, summary: row.title, changes: { ...body } });
      const [view] = await listOffers(db, actor.school.id, {}, row.id);
      return presentOffer(actor, view ?? { ...row, companyName: null, departmentName: null });
    },
  }),
  route({
    method: 'DELETE',
    url: '/internship/offers/:id',
    summary: 'Delete an offer',
    tags,
    action: 'offer:manage',
    params: ZId,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, offers, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, resource, audit }) => {
      await deleteOffer(db, actor, resource);
      await audit({ action: 'internship.offer_deleted', resourceType: 'offer', resourceId: resource.id, summary: resource.title });
    },
  }),
];
