import { IconChartBar } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

/** The school's statistics (Overblik: head counts per department, the four sigtelinjer): for leaders and administrators. */
export const overviewFeature: WebFeature = {
  name: 'overview',
  routes: [guarded('school:overview', [{ path: 'overblik', lazy: page(() => import('./pages/OverviewPage'), (m) => <m.OverviewPage />) }])],
  nav: { group: 'administration', items: [{ to: '/overblik', label: 'nav.schoolOverview', icon: IconChartBar, ability: 'school:overview' }] },
};
