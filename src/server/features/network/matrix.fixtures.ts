import { eq } from 'drizzle-orm';
import { schools } from '../../db/schema/index';
import { createSchool } from '../../seed/create-school';
import { buildCoordinator } from '../../test/factories';
import type { FeatureMatrix } from '../../test/matrix';

let serial = 0;
/** A fresh institution number per onboarding (unique in the installation). */
const nextNumber = () => String(700000 + ((Date.now() + ++serial * 7919) % 299999));

/**
 * The coordinator's routes work in school A's network. School roles are refused before anything is
 * looked up (403), so there is no "other" request here: another network's school and coordinator
 * answering 404 is tested in cross-network.test.ts. Archiving uses schools made for it, never A or B.
 */
export const networkMatrix: FeatureMatrix = async ({ db, a }) => {
  const spareSchool = () => createSchool(db, { networkId: a.networkId, name: `Arkivskole ${++serial}`, institutionNumber: null });
  return {
    'POST /api/v1/network/schools': {
      own: () => ({
        url: '/api/v1/network/schools',
        body: {
          name: `Ny skole ${++serial}`,
          institutionNumber: nextNumber(),
          adminName: 'Første Admin',
          adminEmail: `ny-admin-${serial}-${Date.now()}@matrix.example`,
        },
      }),
    },
    'POST /api/v1/network/schools/:id/archive': {
      own: async () => ({ url: `/api/v1/network/schools/${await spareSchool()}/archive` }),
    },
    'POST /api/v1/network/schools/:id/unarchive': {
      own: async () => {
        const id = await spareSchool();
        await db.update(schools).set({ archivedAt: new Date() }).where(eq(schools.id, id));
        return { url: `/api/v1/network/schools/${id}/unarchive` };
      },
    },
    'GET /api/v1/network/coordinators': { own: () => ({ url: '/api/v1/network/coordinators' }) },
    'POST /api/v1/network/coordinators': {
      own: () => ({ url: '/api/v1/network/coordinators', body: { email: `ny-koordinator-${++serial}-${Date.now()}@matrix.example` } }),
    },
    'DELETE /api/v1/network/coordinators/:accountId': {
      own: async () => ({ url: `/api/v1/network/coordinators/${(await buildCoordinator(db, a.networkId)).accountId}` }),
    },
    'GET /api/v1/network/audit': { own: () => ({ url: '/api/v1/network/audit?page=1&pageSize=10' }) },
    'PUT /api/v1/me/network': {
      own: () => ({ url: '/api/v1/me/network', body: { networkId: a.networkId } }),
    },
  };
};
