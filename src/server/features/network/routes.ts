import { ZNetwork } from '../../../shared/api/network';
import { forbidden } from '../../platform/errors';
import { route } from '../../platform/route';
import { networkOverview } from './queries';

/** The host's view: its schools with sizes only. The coordinator sits on the network, not on a school. */
const getNetwork = route({
  method: 'GET',
  url: '/network',
  summary: 'The network and its schools (no personal data)',
  tags: ['network'],
  access: 'account',
  action: 'network:read',
  response: ZNetwork,
  handler: ({ db, actor }) => {
    // The rule already requires a network role; this narrows the type.
    if (!actor.network) throw forbidden();
    return networkOverview(db, actor.network.id);
  },
});

export const networkRoutes = [getNetwork];
