import { IconFileImport } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const importerFeature: WebFeature = {
  name: 'importer',
  texts: ['import'],
  routes: [guarded('people:import', [{ path: 'admin/import', lazy: page(() => import('./pages/ImportPage'), (m) => <m.ImportPage />) }])],
  nav: { group: 'administration', items: [{ to: '/admin/import', label: 'nav.import', icon: IconFileImport, ability: 'people:import' }] },
};
