import { IconNetwork } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const networkFeature: WebFeature = {
  name: 'network',
  texts: ['surveys'],
  routes: [guarded('network:read', [{ path: 'netvaerk', lazy: page(() => import('./pages/NetworkPage'), (m) => <m.NetworkPage />) }])],
  nav: { group: 'network', items: [{ to: '/netvaerk', label: 'nav.network', icon: IconNetwork, ability: 'network:read' }] },
};
