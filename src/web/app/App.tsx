import { Outlet, RouterProvider, createBrowserRouter } from 'react-router';
import { Providers } from './providers';
import { AppLayout } from './layout/AppLayout';
import { AdaptiveLayout, PublicLayout } from './layout/PublicLayout';
import { RequireAbility } from './RequireAbility';
import { ErrorPage } from './pages/ErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { TokenPage } from '../features/auth/pages/TokenPage';
import { ForgotPasswordPage } from '../features/auth/pages/ForgotPasswordPage';
import { AccessibilityPage } from '../features/accessibility/pages/AccessibilityPage';
import { OverviewPage } from '../features/overview/pages/OverviewPage';
import { SchoolPage } from '../features/school/pages/SchoolPage';
import { OrganisationPage } from '../features/org/pages/OrganisationPage';
import { PeopleListPage } from '../features/people/pages/PeopleListPage';
import { PersonNewPage } from '../features/people/pages/PersonNewPage';
import { PersonPage } from '../features/people/pages/PersonPage';
import { ImportPage } from '../features/importer/pages/ImportPage';
import { AuditPage } from '../features/audit/pages/AuditPage';
import { AccountPage } from '../features/account/pages/AccountPage';
import { NetworkPage } from '../features/network/pages/NetworkPage';
import { StrategyPage } from '../features/strategy/pages/StrategyPage';
import { InitiativePage } from '../features/strategy/pages/InitiativePage';
import { CalendarPage } from '../features/strategy/pages/CalendarPage';
import { StrategyOverviewPage } from '../features/strategy/pages/StrategyOverviewPage';
import { PortfolioPage } from '../features/strategy/pages/PortfolioPage';
import { DecisionsPage } from '../features/strategy/pages/DecisionsPage';
import { AmbassadorsPage } from '../features/strategy/pages/AmbassadorsPage';
import { TermsPage } from '../features/strategy/pages/TermsPage';
import { StrategyVersionPage } from '../features/strategy/pages/StrategyVersionPage';
import { MyCompetencePage } from '../features/competence/pages/MyCompetencePage';
import { AssessmentPage } from '../features/competence/pages/AssessmentPage';
import { CompetenceOverviewPage } from '../features/competence/pages/OverviewPage';
import { CoursesPage } from '../features/competence/pages/CoursesPage';
import { ContractsPage } from '../features/competence/pages/ContractsPage';
import { FrameworkPage } from '../features/competence/pages/FrameworkPage';
import { LibraryPage } from '../features/library/pages/LibraryPage';
import { ItemNewPage } from '../features/library/pages/ItemNewPage';
import { ItemPage } from '../features/library/pages/ItemPage';
import { ItemEditPage } from '../features/library/pages/ItemEditPage';
import { GlossaryPage } from '../features/library/pages/GlossaryPage';
import { NetworkLibraryPage } from '../features/library/pages/NetworkLibraryPage';
import { NetworkItemPage } from '../features/library/pages/NetworkItemPage';
import { SettingsPage } from '../features/library/pages/SettingsPage';

const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <ErrorPage standalone />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'invitation/:token', element: <TokenPage kind="invite" /> },
          { path: 'nulstil-adgangskode/:token', element: <TokenPage kind="reset" /> },
          { path: 'glemt-adgangskode', element: <ForgotPasswordPage /> },
        ],
      },
      {
        element: <AppLayout />,
        children: [
          {
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <OverviewPage /> },
              { path: 'konto', element: <AccountPage /> },
              { element: <RequireAbility ability="school:update" />, children: [{ path: 'admin/skole', element: <SchoolPage /> }] },
              { element: <RequireAbility ability="org:manage" />, children: [{ path: 'admin/organisation', element: <OrganisationPage /> }] },
              {
                element: <RequireAbility ability="people:list" />,
                children: [
                  { path: 'admin/personer', element: <PeopleListPage /> },
                  { path: 'admin/personer/:id', element: <PersonPage /> },
                ],
              },
              { element: <RequireAbility ability="person:create" />, children: [{ path: 'admin/personer/ny', element: <PersonNewPage /> }] },
              { element: <RequireAbility ability="people:import" />, children: [{ path: 'admin/import', element: <ImportPage /> }] },
              { element: <RequireAbility ability="audit:read" />, children: [{ path: 'admin/log', element: <AuditPage /> }] },
              {
                element: <RequireAbility ability="strategy:read" />,
                children: [
                  { path: 'strategi', element: <StrategyPage /> },
                  { path: 'strategi/indsatser/:id', element: <InitiativePage /> },
                  { path: 'strategi/aarshjul', element: <CalendarPage /> },
                  { path: 'strategi/teknologier', element: <PortfolioPage /> },
                  { path: 'strategi/beslutninger', element: <DecisionsPage /> },
                  { path: 'strategi/ambassadoerer', element: <AmbassadorsPage /> },
                  { path: 'strategi/:id/versioner/:version', element: <StrategyVersionPage /> },
                ],
              },
              { element: <RequireAbility ability="strategy:manage" />, children: [{ path: 'strategi/begreber', element: <TermsPage /> }] },
              { element: <RequireAbility ability="strategy:overview" />, children: [{ path: 'strategi/overblik', element: <StrategyOverviewPage /> }] },
              { element: <RequireAbility ability="network:read" />, children: [{ path: 'netvaerk', element: <NetworkPage /> }] },
              {
                element: <RequireAbility ability="competence:self" />,
                children: [
                  { path: 'kompetencer', element: <MyCompetencePage /> },
                  { path: 'kompetencer/selvevaluering/:roundId', element: <AssessmentPage /> },
                  { path: 'kompetencer/forloeb', element: <CoursesPage /> },
                  { path: 'kompetencer/kontrakter', element: <ContractsPage /> },
                  { path: 'kompetencer/ramme', element: <FrameworkPage /> },
                ],
              },
              { element: <RequireAbility ability="competence:aggregate" />, children: [{ path: 'kompetencer/overblik', element: <CompetenceOverviewPage /> }] },
              {
                element: <RequireAbility ability="library:read" />,
                children: [
                  { path: 'videndeling', element: <LibraryPage /> },
                  { path: 'videndeling/review', element: <LibraryPage queue /> },
                  { path: 'videndeling/ordliste', element: <GlossaryPage /> },
                  { path: 'videndeling/:id', element: <ItemPage /> },
                  { path: 'videndeling/:id/rediger', element: <ItemEditPage /> },
                ],
              },
              { element: <RequireAbility ability="library:create" />, children: [{ path: 'videndeling/ny', element: <ItemNewPage /> }] },
              { element: <RequireAbility ability="libraryNetwork:read" />, children: [{ path: 'videndeling/netvaerk', element: <NetworkLibraryPage /> }, { path: 'videndeling/netvaerk/:schoolId/:id', element: <NetworkItemPage /> }] },
              { element: <RequireAbility ability="library:settings" />, children: [{ path: 'videndeling/indstillinger', element: <SettingsPage /> }] },
            ],
          },
        ],
      },
      {
        element: <AdaptiveLayout />,
        children: [
          { path: 'tilgaengelighed', element: <AccessibilityPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
