import { IconBuilding } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const schoolFeature: WebFeature = {
  name: 'school',
  texts: ['personalData'],
  routes: [guarded('school:update', [{ path: 'admin/skole', lazy: page(() => import('./pages/SchoolPage'), (m) => <m.SchoolPage />) }])],
  nav: { group: 'administration', items: [{ to: '/admin/skole', label: 'nav.school', icon: IconBuilding, ability: 'school:update', exact: true }] },
};
