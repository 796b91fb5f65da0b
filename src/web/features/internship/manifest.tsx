import { IconBriefcase, IconBuildingFactory2, IconCalendarWeek, IconChecklist, IconGift, IconTargetArrow } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

/**
 * Praktik: the bridge between school and practice. Everyone the module concerns opens /praktik
 * (the page shows each role its own start); the server scopes what each sees (docs/internship.md).
 */
export const internshipFeature: WebFeature = {
  name: 'internship',
  texts: ['internship'],
  routes: [
    guarded('internship:read', [
      { path: 'praktik', lazy: page(() => import('./pages/OverviewPage'), (m) => <m.OverviewPage />) },
      { path: 'praktik/elever/:id', lazy: page(() => import('./pages/StudentPage'), (m) => <m.StudentPage />) },
      { path: 'praktik/logbog/ny', lazy: page(() => import('./pages/EntryEditPage'), (m) => <m.EntryEditPage />) },
      { path: 'praktik/logbog/:id/rediger', lazy: page(() => import('./pages/EntryEditPage'), (m) => <m.EntryEditPage />) },
      { path: 'praktik/opgaver', lazy: page(() => import('./pages/TasksPage'), (m) => <m.TasksPage />) },
      { path: 'praktik/opgaver/:id', lazy: page(() => import('./pages/TaskPage'), (m) => <m.TaskPage />) },
      // a supervisor opens the company he is tied to; the server decides
      { path: 'praktik/virksomheder/:id', lazy: page(() => import('./pages/CompanyPage'), (m) => <m.CompanyPage />) },
    ]),
    guarded('internship:timeline', [{ path: 'praktik/tidslinje', lazy: page(() => import('./pages/TimelinePage'), (m) => <m.TimelinePage />) }]),
    guarded('company:list', [{ path: 'praktik/virksomheder', lazy: page(() => import('./pages/CompaniesPage'), (m) => <m.CompaniesPage />) }]),
    guarded('internshipGoals:read', [{ path: 'praktik/praktikmaal', lazy: page(() => import('./pages/GoalsPage'), (m) => <m.GoalsPage />) }]),
    guarded('offer:list', [{ path: 'praktik/tilbud', lazy: page(() => import('./pages/OffersPage'), (m) => <m.OffersPage />) }]),
  ],
  nav: {
    group: 'library',
    items: [
      { to: '/praktik', label: 'nav.internship', icon: IconBriefcase, ability: 'internship:read', exact: true },
      { to: '/praktik/tidslinje', label: 'nav.internshipTimeline', icon: IconCalendarWeek, ability: 'internship:timeline' },
      { to: '/praktik/opgaver', label: 'nav.internshipTasks', icon: IconChecklist, ability: 'internship:read' },
      { to: '/praktik/virksomheder', label: 'nav.internshipCompanies', icon: IconBuildingFactory2, ability: 'company:list' },
      { to: '/praktik/praktikmaal', label: 'nav.internshipGoals', icon: IconTargetArrow, ability: 'internshipGoals:read' },
      { to: '/praktik/tilbud', label: 'nav.internshipOffers', icon: IconGift, ability: 'offer:list' },
    ],
  },
};
