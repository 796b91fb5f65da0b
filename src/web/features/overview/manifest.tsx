import { page, type WebFeature } from '../../app/feature';

export const overviewFeature: WebFeature = {
  name: 'overview',
  routes: [{ index: true, lazy: page(() => import('./pages/OverviewPage'), (m) => <m.OverviewPage />) }],
};
