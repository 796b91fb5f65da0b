import { IconClipboardList } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

/** Selvevaluering: the rounds for those who run them and those who read their reports (department heads), settings for those who run them, answering for everyone a round asks, the link page without an account. */
export const surveysFeature: WebFeature = {
  name: 'surveys',
  texts: ['surveys'],
  routes: [
    guarded('surveyRound:report', [{ path: 'selvevaluering', lazy: page(() => import('./pages/RoundsPage'), (m) => <m.RoundsPage />) }]),
    guarded('survey:manage', [
      { path: 'selvevaluering/indstillinger', lazy: page(() => import('./pages/SettingsPage'), (m) => <m.SettingsPage />) },
      { path: 'selvevaluering/runder/:id', lazy: page(() => import('./pages/RoundPage'), (m) => <m.RoundPage />) },
      { path: 'selvevaluering/runder/:id/udskriv', lazy: page(() => import('./pages/LinkPrintPage'), (m) => <m.LinkPrintPage />) },
    ]),
    guarded('surveyRound:report', [{ path: 'selvevaluering/:id/rapport', lazy: page(() => import('./report/ReportPage'), (m) => <m.ReportPage />) }]),
    guarded('home:read', [{ path: 'selvevaluering/besvar/:roundId', lazy: page(() => import('./pages/AnswerPage'), (m) => <m.AnswerPage />) }]),
  ],
  publicRoutes: [{ path: 's/:token', lazy: page(() => import('./pages/PublicAnswerPage'), (m) => <m.PublicAnswerPage />) }],
  nav: {
    group: 'strategy',
    items: [{ to: '/selvevaluering', label: 'nav.surveys', icon: IconClipboardList, ability: 'surveyRound:report' }],
  },
};
