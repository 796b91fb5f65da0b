import type { ReactElement } from 'react';
import { Outlet, RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { i18nReady } from './i18n';
import { Providers, prefetchMe } from './providers';
import { AppLayout, FullPageLoader } from './layout/AppLayout';
import { AdaptiveLayout, PublicLayout } from './layout/PublicLayout';
import { RequireAbility } from './RequireAbility';
import { ErrorPage } from './pages/ErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';

/**
 * Each page is its own chunk, fetched when its route is first matched (React Router's `lazy`):
 * the first page downloads the shell and that page only. Charts, the rich-text editor and the
 * other modules load with the pages that use them. The layouts, the error and 404 pages stay in
 * the entry so a failed chunk download can still be reported.
 */
const page =
  <M,>(load: () => Promise<M>, render: (module: M) => ReactElement): RouteObject['lazy'] =>
  async () => ({ element: render(await load()) });

const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <ErrorPage standalone />,
    // Shown while the first page's chunk downloads.
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'login', lazy: page(() => import('../features/auth/pages/LoginPage'), (m) => <m.LoginPage />) },
          { path: 'invitation/:token', lazy: page(() => import('../features/auth/pages/TokenPage'), (m) => <m.TokenPage kind="invite" />) },
          { path: 'nulstil-adgangskode/:token', lazy: page(() => import('../features/auth/pages/TokenPage'), (m) => <m.TokenPage kind="reset" />) },
          { path: 'glemt-adgangskode', lazy: page(() => import('../features/auth/pages/ForgotPasswordPage'), (m) => <m.ForgotPasswordPage />) },
        ],
      },
      {
        element: <AppLayout />,
        children: [
          {
            errorElement: <ErrorPage />,
            children: [
              { index: true, lazy: page(() => import('../features/overview/pages/OverviewPage'), (m) => <m.OverviewPage />) },
              { path: 'konto', lazy: page(() => import('../features/account/pages/AccountPage'), (m) => <m.AccountPage />) },
              {
                element: <RequireAbility ability="school:update" />,
                children: [{ path: 'admin/skole', lazy: page(() => import('../features/school/pages/SchoolPage'), (m) => <m.SchoolPage />) }],
              },
              {
                element: <RequireAbility ability="org:manage" />,
                children: [{ path: 'admin/organisation', lazy: page(() => import('../features/org/pages/OrganisationPage'), (m) => <m.OrganisationPage />) }],
              },
              {
                element: <RequireAbility ability="people:list" />,
                children: [
                  { path: 'admin/personer', lazy: page(() => import('../features/people/pages/PeopleListPage'), (m) => <m.PeopleListPage />) },
                  { path: 'admin/personer/:id', lazy: page(() => import('../features/people/pages/PersonPage'), (m) => <m.PersonPage />) },
                ],
              },
              {
                element: <RequireAbility ability="person:create" />,
                children: [{ path: 'admin/personer/ny', lazy: page(() => import('../features/people/pages/PersonNewPage'), (m) => <m.PersonNewPage />) }],
              },
              {
                element: <RequireAbility ability="people:import" />,
                children: [{ path: 'admin/import', lazy: page(() => import('../features/importer/pages/ImportPage'), (m) => <m.ImportPage />) }],
              },
              {
                element: <RequireAbility ability="audit:read" />,
                children: [{ path: 'admin/log', lazy: page(() => import('../features/audit/pages/AuditPage'), (m) => <m.AuditPage />) }],
              },
              {
                element: <RequireAbility ability="strategy:read" />,
                children: [
                  { path: 'strategi', lazy: page(() => import('../features/strategy/pages/StrategyPage'), (m) => <m.StrategyPage />) },
                  { path: 'strategi/indsatser/:id', lazy: page(() => import('../features/strategy/pages/InitiativePage'), (m) => <m.InitiativePage />) },
                  { path: 'strategi/aarshjul', lazy: page(() => import('../features/strategy/pages/CalendarPage'), (m) => <m.CalendarPage />) },
                  { path: 'strategi/teknologier', lazy: page(() => import('../features/strategy/pages/PortfolioPage'), (m) => <m.PortfolioPage />) },
                  { path: 'strategi/beslutninger', lazy: page(() => import('../features/strategy/pages/DecisionsPage'), (m) => <m.DecisionsPage />) },
                  { path: 'strategi/ambassadoerer', lazy: page(() => import('../features/strategy/pages/AmbassadorsPage'), (m) => <m.AmbassadorsPage />) },
                  {
                    path: 'strategi/:id/versioner/:version',
                    lazy: page(() => import('../features/strategy/pages/StrategyVersionPage'), (m) => <m.StrategyVersionPage />),
                  },
                ],
              },
              {
                element: <RequireAbility ability="strategy:manage" />,
                children: [{ path: 'strategi/begreber', lazy: page(() => import('../features/strategy/pages/TermsPage'), (m) => <m.TermsPage />) }],
              },
              {
                element: <RequireAbility ability="strategy:overview" />,
                children: [
                  { path: 'strategi/overblik', lazy: page(() => import('../features/strategy/pages/StrategyOverviewPage'), (m) => <m.StrategyOverviewPage />) },
                ],
              },
              {
                element: <RequireAbility ability="network:read" />,
                children: [{ path: 'netvaerk', lazy: page(() => import('../features/network/pages/NetworkPage'), (m) => <m.NetworkPage />) }],
              },
              {
                element: <RequireAbility ability="competence:self" />,
                children: [
                  { path: 'kompetencer', lazy: page(() => import('../features/competence/pages/MyCompetencePage'), (m) => <m.MyCompetencePage />) },
                  {
                    path: 'kompetencer/selvevaluering/:roundId',
                    lazy: page(() => import('../features/competence/pages/AssessmentPage'), (m) => <m.AssessmentPage />),
                  },
                  { path: 'kompetencer/forloeb', lazy: page(() => import('../features/competence/pages/CoursesPage'), (m) => <m.CoursesPage />) },
                  { path: 'kompetencer/kontrakter', lazy: page(() => import('../features/competence/pages/ContractsPage'), (m) => <m.ContractsPage />) },
                  { path: 'kompetencer/ramme', lazy: page(() => import('../features/competence/pages/FrameworkPage'), (m) => <m.FrameworkPage />) },
                ],
              },
              {
                element: <RequireAbility ability="competence:aggregate" />,
                children: [
                  { path: 'kompetencer/overblik', lazy: page(() => import('../features/competence/pages/OverviewPage'), (m) => <m.CompetenceOverviewPage />) },
                ],
              },
              {
                element: <RequireAbility ability="library:read" />,
                children: [
                  { path: 'videndeling', lazy: page(() => import('../features/library/pages/LibraryPage'), (m) => <m.LibraryPage />) },
                  { path: 'videndeling/review', lazy: page(() => import('../features/library/pages/LibraryPage'), (m) => <m.LibraryPage queue />) },
                  { path: 'videndeling/ordliste', lazy: page(() => import('../features/library/pages/GlossaryPage'), (m) => <m.GlossaryPage />) },
                  { path: 'videndeling/:id', lazy: page(() => import('../features/library/pages/ItemPage'), (m) => <m.ItemPage />) },
                  { path: 'videndeling/:id/rediger', lazy: page(() => import('../features/library/pages/ItemEditPage'), (m) => <m.ItemEditPage />) },
                ],
              },
              {
                element: <RequireAbility ability="library:create" />,
                children: [{ path: 'videndeling/ny', lazy: page(() => import('../features/library/pages/ItemNewPage'), (m) => <m.ItemNewPage />) }],
              },
              {
                element: <RequireAbility ability="libraryNetwork:read" />,
                children: [
                  { path: 'videndeling/netvaerk', lazy: page(() => import('../features/library/pages/NetworkLibraryPage'), (m) => <m.NetworkLibraryPage />) },
                  {
                    path: 'videndeling/netvaerk/:schoolId/:id',
                    lazy: page(() => import('../features/library/pages/NetworkItemPage'), (m) => <m.NetworkItemPage />),
                  },
                ],
              },
              {
                element: <RequireAbility ability="library:settings" />,
                children: [
                  { path: 'videndeling/indstillinger', lazy: page(() => import('../features/library/pages/SettingsPage'), (m) => <m.SettingsPage />) },
                ],
              },
            ],
          },
        ],
      },
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
