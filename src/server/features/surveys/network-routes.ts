import { ZSurveyNetwork } from '../../../shared/api/surveys-report';
import { forbidden } from '../../platform/errors';
import { route } from '../../platform/route';
import { surveyNetwork } from './network-queries';

/** The network coordinator's survey view: benchmark and participation per school (counts only). */
export const networkRoutes = [
  route({
    method: 'GET',
    url: '/network/surveys',
    summary: "The network's survey benchmark (median and quartiles from 5 schools) and each school's participation as counts",
    tags: ['surveys', 'network'],
    access: 'account',
    action: 'network:surveyBenchmark',
    aggregate: true,
    response: ZSurveyNetwork,
    handler: ({ db, actor }) => {
      // The rule already requires a network role; this narrows the type.
      if (!actor.network) throw forbidden();
      return surveyNetwork(db, actor.network.id);
    },
  }),
];
