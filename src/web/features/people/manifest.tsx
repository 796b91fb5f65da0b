import { IconUsers } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const peopleFeature: WebFeature = {
  name: 'people',
  texts: ['people', 'personalData'],
  routes: [
    guarded('people:list', [
      { path: 'admin/personer', lazy: page(() => import('./pages/PeopleListPage'), (m) => <m.PeopleListPage />) },
      { path: 'admin/personer/:id', lazy: page(() => import('./pages/PersonPage'), (m) => <m.PersonPage />) },
    ]),
    guarded('person:create', [{ path: 'admin/personer/ny', lazy: page(() => import('./pages/PersonNewPage'), (m) => <m.PersonNewPage />) }]),
  ],
  nav: { group: 'administration', items: [{ to: '/admin/personer', label: 'nav.people', icon: IconUsers, ability: 'people:list' }] },
};
