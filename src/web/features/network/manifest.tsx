import { IconBuildingCommunity, IconChartBar, IconHistory, IconUsersGroup } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

/** The network coordinator's pages (docs/network.md): the schools, onboarding, coordinators, the network's log, the national view. */
export const networkFeature: WebFeature = {
  name: 'network',
  texts: ['network', 'surveys', 'audit'],
  routes: [
    guarded('network:read', [
      { path: 'netvaerk', lazy: page(() => import('./pages/NetworkPage'), (m) => <m.NetworkPage />) },
      { path: 'netvaerk/nationalt', lazy: page(() => import('./pages/NationalPage'), (m) => <m.NationalPage />) },
    ]),
    guarded('network:manageSchools', [{ path: 'netvaerk/ny-skole', lazy: page(() => import('./pages/NewSchoolPage'), (m) => <m.NewSchoolPage />) }]),
    guarded('network:manageCoordinators', [{ path: 'netvaerk/koordinatorer', lazy: page(() => import('./pages/CoordinatorsPage'), (m) => <m.CoordinatorsPage />) }]),
    guarded('network:audit', [{ path: 'netvaerk/log', lazy: page(() => import('./pages/NetworkLogPage'), (m) => <m.NetworkLogPage />) }]),
  ],
  nav: {
    group: 'network',
    items: [
      // exact: the other entries live below /netvaerk; Ny skole is reached from the schools' page
      { to: '/netvaerk', label: 'nav.networkSchools', icon: IconBuildingCommunity, ability: 'network:read', exact: true },
      { to: '/netvaerk/nationalt', label: 'nav.networkNational', icon: IconChartBar, ability: 'network:read' },
      { to: '/netvaerk/koordinatorer', label: 'nav.networkCoordinators', icon: IconUsersGroup, ability: 'network:manageCoordinators' },
      { to: '/netvaerk/log', label: 'nav.networkLog', icon: IconHistory, ability: 'network:audit' },
    ],
  },
};
