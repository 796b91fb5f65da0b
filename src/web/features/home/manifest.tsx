import { page, type WebFeature } from '../../app/feature';

/** "Min side": the index for everyone signed in (the coordinator is sent to the network), and the digest's unsubscribe link. */
export const homeFeature: WebFeature = {
  name: 'home',
  routes: [{ index: true, lazy: page(() => import('./pages/HomePage'), (m) => <m.HomePage />) }],
  publicRoutes: [{ path: 'afmeld-ugebrev/:token', lazy: page(() => import('./pages/UnsubscribePage'), (m) => <m.UnsubscribePage />) }],
};
