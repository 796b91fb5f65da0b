import { IconCalendarEvent, IconChartBar, IconDeviceLaptop, IconGavel, IconTags, IconTarget, IconUserStar } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const strategyFeature: WebFeature = {
  name: 'strategy',
  texts: ['strategy', 'calendar'],
  routes: [
    guarded('strategy:read', [
      { path: 'strategi', lazy: page(() => import('./pages/StrategyPage'), (m) => <m.StrategyPage />) },
      { path: 'strategi/indsatser/:id', lazy: page(() => import('./pages/InitiativePage'), (m) => <m.InitiativePage />) },
      { path: 'strategi/aarshjul', lazy: page(() => import('./pages/CalendarPage'), (m) => <m.CalendarPage />) },
      { path: 'strategi/teknologier', lazy: page(() => import('./pages/PortfolioPage'), (m) => <m.PortfolioPage />) },
      { path: 'strategi/beslutninger', lazy: page(() => import('./pages/DecisionsPage'), (m) => <m.DecisionsPage />) },
      { path: 'strategi/ambassadoerer', lazy: page(() => import('./pages/AmbassadorsPage'), (m) => <m.AmbassadorsPage />) },
      { path: 'strategi/:id/versioner/:version', lazy: page(() => import('./pages/StrategyVersionPage'), (m) => <m.StrategyVersionPage />) },
    ]),
    guarded('strategy:manage', [{ path: 'strategi/begreber', lazy: page(() => import('./pages/TermsPage'), (m) => <m.TermsPage />) }]),
    guarded('strategy:overview', [{ path: 'strategi/overblik', lazy: page(() => import('./pages/StrategyOverviewPage'), (m) => <m.StrategyOverviewPage />) }]),
  ],
  nav: {
    group: 'strategy',
    items: [
      { to: '/strategi', label: 'nav.strategy', icon: IconTarget, ability: 'strategy:read', exact: true },
      { to: '/strategi/overblik', label: 'nav.strategyOverview', icon: IconChartBar, ability: 'strategy:overview' },
      { to: '/strategi/aarshjul', label: 'nav.calendar', icon: IconCalendarEvent, ability: 'calendar:read' },
      { to: '/strategi/teknologier', label: 'nav.portfolio', icon: IconDeviceLaptop, ability: 'strategy:read' },
      { to: '/strategi/beslutninger', label: 'nav.decisions', icon: IconGavel, ability: 'strategy:read' },
      { to: '/strategi/ambassadoerer', label: 'nav.ambassadors', icon: IconUserStar, ability: 'strategy:read' },
      { to: '/strategi/begreber', label: 'nav.terms', icon: IconTags, ability: 'strategy:manage' },
    ],
  },
};
