import { Outlet, RouterProvider, createBrowserRouter } from 'react-router';
import { i18nReady } from './i18n';
import { Providers, prefetchMe } from './providers';
import { AppLayout, FullPageLoader } from './layout/AppLayout';
import { ScrollOnNavigation } from './layout/ScrollOnNavigation';
import { AdaptiveLayout, PublicLayout } from './layout/PublicLayout';
import { page, withTexts } from './feature';
import { webFeatures } from '../features/index';
import { ErrorPage } from './pages/ErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';

/**
 * The routes come from each web feature's manifest (src/web/features/index.ts). Each page is its
 * own chunk, fetched when its route is first matched: the first page downloads the shell and that
 * page only. Charts, the rich-text editor and the
 * other modules load with the pages that use them. The layouts, the error and 404 pages stay in
 * the entry so a failed chunk download can still be reported.
 */
const router = createBrowserRouter([
  {
    element: (
      <>
        <ScrollOnNavigation />
        <Outlet />
      </>
    ),
    errorElement: <ErrorPage standalone />,
    // Shown while the first page's chunk downloads.
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { element: <PublicLayout />, children: webFeatures.flatMap((f) => withTexts(f.publicRoutes ?? [], f.texts)) },
      { element: <AppLayout />, children: [{ errorElement: <ErrorPage />, children: webFeatures.flatMap((f) => withTexts(f.routes ?? [], f.texts)) }] },
      {
        element: <AdaptiveLayout />,
        children: [
          { path: 'tilgaengelighed', lazy: page(() => import('../features/accessibility/pages/AccessibilityPage'), (m) => <m.AccessibilityPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

// Every layout asks who is signed in: ask now, in parallel with the first page's chunk (once the
// language is settled, as the answer may switch it).
void i18nReady.then(prefetchMe);

export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
