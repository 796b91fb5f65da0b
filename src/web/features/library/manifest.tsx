import { IconBook, IconClipboardCheck, IconLanguage, IconShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { guarded, page, type NavBadge, type WebFeature } from '../../app/feature';
import { useReviewSummary } from './api/library';

/** The editorial group sees how much waits for review on the "Til review" entry. */
function useReviewBadge(shown: boolean): NavBadge | null {
  const { t } = useTranslation();
  const waiting = useReviewSummary(shown).data?.waiting ?? 0;
  return shown && waiting > 0 ? { count: waiting, label: t('library.reviewBadge', { count: waiting }) } : null;
}

export const libraryFeature: WebFeature = {
  name: 'library',
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
      { to: '/videndeling/review', label: 'nav.review', icon: IconClipboardCheck, ability: 'library:review', useBadge: useReviewBadge },
      { to: '/videndeling/ordliste', label: 'nav.glossary', icon: IconLanguage, ability: 'glossary:read' },
      { to: '/videndeling/netvaerk', label: 'nav.networkLibrary', icon: IconShare, ability: 'libraryNetwork:read' },
    ],
  },
};
