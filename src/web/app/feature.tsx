import type { ComponentType, ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import type { Ability } from './session';
import type { TextPart } from '../locales/parts';
import { loadTexts } from './i18n';
import { RequireAbility } from './RequireAbility';

/** The navigation groups, in the order of the school's work. */
export const NAV_GROUPS = ['strategy', 'library', 'competence', 'administration', 'network'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/**
 * A count shown on a navigation entry. By default it comes from Min side (GET /home counts what
 * waits per entry, e.g. forløb waiting for review); a feature may give its own hook instead.
 */
export type NavBadge = { count: number; label: string };
export type NavItem = {
  to: string;
  /** Locale key. */
  label: string;
  icon: ComponentType<{ size?: number }>;
  ability?: Ability;
  exact?: boolean;
  /** A hook: called on every render of the navigation, with whether the entry is shown (instead of the count from Min side). */
  useBadge?: (shown: boolean) => NavBadge | null;
  /** Locale key of the count's description (with {{count}}), when the count from Min side is shown; default home.navBadge. */
  badgeLabel?: string;
};

/**
 * A web feature's one definition: its pages (each loaded when first opened) and its navigation.
 * `src/web/features/index.ts` lists them; the router and the navigation are built from that list.
 */
export type WebFeature = {
  name: string;
  /** Pages for signed-in users, inside the app layout. */
  routes?: RouteObject[];
  /** Pages without sign-in (sign-in, links from e-mails), inside the public layout. */
  publicRoutes?: RouteObject[];
  nav?: { group: NavGroup; items: NavItem[] };
  /** The locale parts its pages use (locales/parts.ts), fetched with its pages. */
  texts?: readonly TextPart[];
};

/** A page in its own chunk, fetched when its route is first matched (React Router's `lazy`). */
export const page =
  <M,>(load: () => Promise<M>, render: (module: M) => ReactElement): RouteObject['lazy'] =>
  async () => ({ element: render(await load()) });

/** Pages shown only when the server grants the ability. */
export const guarded = (ability: Ability, children: RouteObject[]): RouteObject => ({ element: <RequireAbility ability={ability} />, children });

/** The routes with each page's chunk fetched together with the text parts it needs. */
export function withTexts(routes: readonly RouteObject[], needed: readonly TextPart[] | undefined): RouteObject[] {
  if (!needed?.length) return [...routes];
  return routes.map((route): RouteObject => {
    const { lazy } = route;
    const withLazy: RouteObject =
      typeof lazy === 'function' ? ({ ...route, lazy: async () => (await Promise.all([lazy(), loadTexts(needed)]))[0] } as RouteObject) : route;
    return withLazy.children ? ({ ...withLazy, children: withTexts(withLazy.children, needed) } as RouteObject) : withLazy;
  });
}

