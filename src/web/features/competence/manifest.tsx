import { IconChartRadar, IconGridDots, IconListDetails, IconSchool, IconSignature } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const competenceFeature: WebFeature = {
  name: 'competence',
  texts: ['competence'],
  routes: [
    guarded('competence:self', [
      { path: 'kompetencer', lazy: page(() => import('./pages/MyCompetencePage'), (m) => <m.MyCompetencePage />) },
      { path: 'kompetencer/selvevaluering/:roundId', lazy: page(() => import('./pages/AssessmentPage'), (m) => <m.AssessmentPage />) },
      { path: 'kompetencer/ramme', lazy: page(() => import('./pages/FrameworkPage'), (m) => <m.FrameworkPage />) },
    ]),
    guarded('course:read', [{ path: 'kompetencer/forloeb', lazy: page(() => import('./pages/CoursesPage'), (m) => <m.CoursesPage />) }]),
    guarded('contract:list', [{ path: 'kompetencer/kontrakter', lazy: page(() => import('./pages/ContractsPage'), (m) => <m.ContractsPage />) }]),
    guarded('competence:aggregate', [{ path: 'kompetencer/overblik', lazy: page(() => import('./pages/OverviewPage'), (m) => <m.CompetenceOverviewPage />) }]),
  ],
  nav: {
    group: 'competence',
    items: [
      { to: '/kompetencer', label: 'nav.competenceMine', icon: IconChartRadar, ability: 'competence:self', exact: true },
      { to: '/kompetencer/overblik', label: 'nav.competenceOverview', icon: IconGridDots, ability: 'competence:aggregate' },
      { to: '/kompetencer/forloeb', label: 'nav.competenceCourses', icon: IconSchool, ability: 'course:read' },
      { to: '/kompetencer/kontrakter', label: 'nav.competenceContracts', icon: IconSignature, ability: 'contract:list' },
      { to: '/kompetencer/ramme', label: 'nav.competenceFramework', icon: IconListDetails, ability: 'competence:self' },
    ],
  },
};
