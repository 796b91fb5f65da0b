import { IconLogin } from '@tabler/icons-react';
import { Navigate } from 'react-router';
import { guarded, page, type WebFeature } from '../../app/feature';

/**
 * Sign-in through the schools' own providers (docs/sign-in.md): the administrator's provider page,
 * and the pages a provider's sign-in or sign-out ends on. `/log-ind` is where a provider sends the
 * browser back after its own sign-out: the sign-in page.
 */
export const signInFeature: WebFeature = {
  name: 'sign-in',
  texts: ['signInAdmin'],
  publicRoutes: [
    { path: 'log-ind', element: <Navigate to="/login" replace /> },
    { path: 'log-ind/ukendt', lazy: page(() => import('./pages/UnknownIdentityPage'), (m) => <m.UnknownIdentityPage />) },
    { path: 'log-ind/fejl', lazy: page(() => import('./pages/SignInFailedPage'), (m) => <m.SignInFailedPage />) },
    { path: 'log-ind/logget-ud', lazy: page(() => import('./pages/SignedOutPage'), (m) => <m.SignedOutPage />) },
  ],
  routes: [guarded('signInProvider:manage', [{ path: 'admin/skole/log-ind', lazy: page(() => import('./pages/ProvidersPage'), (m) => <m.ProvidersPage />) }])],
  nav: { group: 'administration', items: [{ to: '/admin/skole/log-ind', label: 'nav.signIn', icon: IconLogin, ability: 'signInProvider:manage' }] },
};
