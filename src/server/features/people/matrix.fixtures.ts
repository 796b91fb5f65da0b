import { buildPerson, type BuiltPerson } from '../../test/factories';
import type { FeatureMatrix } from '../../test/matrix';

const personResource = (p: BuiltPerson) => ({ kind: 'person' as const, id: p.id, departmentId: p.departmentId, accountId: p.accountId });

/** Authorization-matrix fixtures for a person's data: the exports, and an erasure of a fresh person each time (one erasure per request). */
export const personalDataMatrix: FeatureMatrix = async ({ db, a }) => ({
  'GET /api/v1/people/:id/data': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}/data`, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/data` }),
  },
  'GET /api/v1/people/:id/data.pdf': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}/data.pdf`, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/data.pdf` }),
  },
  'POST /api/v1/people/:id/erase': {
    own: async () => {
      const p = await buildPerson(db, a, { roles: ['teacher'] });
      return { url: `/api/v1/people/${p.id}/erase`, body: { confirm: p.name }, resource: personResource(p) };
    },
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/erase`, body: { confirm: c.targetB.name } }),
  },
});
