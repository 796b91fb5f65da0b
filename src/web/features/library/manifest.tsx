import { IconBook, IconClipboardCheck, IconLanguage, IconShare } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const libraryFeature: WebFeature = {
  name: 'library',
  texts: ['library'],
  routes: [
    guarded('library:read', [
      { path: 'videndeling', lazy: page(() => import('./pages/LibraryPage'), (m) => <m.LibraryPage />) },
      { path: 'videndeling/review', lazy: page(() => import('./pages/LibraryPage'), (m) => <m.LibraryPage queue />) },
      { path: 'videndeling/ordliste', lazy: page(() => import('./pages/GlossaryPage'), (m) => <m.GlossaryPage />) },
      { path: 'videndeling/:id', lazy: page(() => import('./pages/ItemPage'), (m) => <m.ItemPage />) },
      { path: 'videndeling/:id/rediger', lazy: page(() => import('./pages/ItemEditPage'), (m) => <m.ItemEditPage />) },
    ]),
    guarded('library:create', [{ path: 'videndeling/ny', lazy: page(() => import('./pages/ItemNewPage'), (m) => <m.ItemNewPage />) }]),
    guarded('libraryNetwork:read', [
      { path: 'videndeling/netvaerk', lazy: page(() => import('./pages/NetworkLibraryPage'), (m) => <m.NetworkLibraryPage />) },
      { path: 'videndeling/netvaerk/:schoolId/:id', lazy: page(() => import('./pages/NetworkItemPage'), (m) => <m.NetworkItemPage />) },
    ]),
    guarded('library:settings', [{ path: 'videndeling/indstillinger', lazy: page(() => import('./pages/SettingsPage'), (m) => <m.SettingsPage />) }]),
  ],
  nav: {
    group: 'library',
    items: [
      { to: '/videndeling', label: 'nav.library', icon: IconBook, ability: 'library:read', exact: true },
      // the count of submissions waiting comes from Min side (the library's home hook)
      { to: '/videndeling/review', label: 'nav.review', icon: IconClipboardCheck, ability: 'library:review', badgeLabel: 'nav.reviewBadge' },
      { to: '/videndeling/ordliste', label: 'nav.glossary', icon: IconLanguage, ability: 'glossary:read' },
      { to: '/videndeling/netvaerk', label: 'nav.networkLibrary', icon: IconShare, ability: 'libraryNetwork:read' },
    ],
  },
};
