import { IconSitemap } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const orgFeature: WebFeature = {
  name: 'org',
  routes: [guarded('org:manage', [{ path: 'admin/organisation', lazy: page(() => import('./pages/OrganisationPage'), (m) => <m.OrganisationPage />) }])],
  nav: { group: 'administration', items: [{ to: '/admin/organisation', label: 'nav.organisation', icon: IconSitemap, ability: 'org:manage' }] },
};
