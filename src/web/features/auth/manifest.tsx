import { page, type WebFeature } from '../../app/feature';

export const authFeature: WebFeature = {
  name: 'auth',
  publicRoutes: [
    { path: 'login', lazy: page(() => import('./pages/LoginPage'), (m) => <m.LoginPage />) },
    { path: 'invitation/:token', lazy: page(() => import('./pages/TokenPage'), (m) => <m.TokenPage kind="invite" />) },
    { path: 'nulstil-adgangskode/:token', lazy: page(() => import('./pages/TokenPage'), (m) => <m.TokenPage kind="reset" />) },
    { path: 'glemt-adgangskode', lazy: page(() => import('./pages/ForgotPasswordPage'), (m) => <m.ForgotPasswordPage />) },
  ],
};
