import { page, type WebFeature } from '../../app/feature';

export const accountFeature: WebFeature = {
  name: 'account',
  texts: ['personalData'],
  routes: [{ path: 'konto', lazy: page(() => import('./pages/AccountPage'), (m) => <m.AccountPage />) }],
};
