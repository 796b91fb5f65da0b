import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAction } from '../../shared/api/actions';
import type { TLogoutResult } from '../../shared/api/auth';
import type { TMe } from '../../shared/api/me';
import { ApiError, api, setCsrfToken } from './api';
import { type Lang, changeLanguage, currentLang, isLang, rememberLangLocally } from './i18n';

/** What the server says the actor may do (GET /me and each resource's `abilities`). */
export type Ability = TAction;

/** The signed-in account (GET /me), typed from the server's response schema. */
export type Me = TMe;

export const ME_KEY = ['me'] as const;

/** The signed-in account, or null when signed out (401). */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api<Me>('/me');
      setCsrfToken(me.csrfToken ?? null);
      applyAccountLang(me);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: 60_000,
  retry: false,
});

/** The language remembered on the account wins once signed in. */
export function applyAccountLang(me: Me): void {
  const lang = me.account.locale;
  if (isLang(lang) && lang !== currentLang()) {
    rememberLangLocally(lang);
    void changeLanguage(lang);
  }
}

export const useMe = () => useQuery(meQuery);

/** The signed-in account; only call below a route that requires sign-in. */
export function useSignedIn(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn used outside a signed-in route');
  return data;
}

export const can = (me: Me | null | undefined, ability: Ability): boolean => me?.abilities.includes(ability) === true;

export function useCan(ability: Ability): boolean {
  const { data } = useMe();
  return can(data, ability);
}

/** Switches the language: remembered on the account when signed in, in the browser otherwise. */
export function useSetLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (lang: Lang) => {
      rememberLangLocally(lang);
      await changeLanguage(lang);
      const me = client.getQueryData<Me | null>(ME_KEY);
      if (me) {
        const updated = await api<Me>('/me', { method: 'PATCH', json: { locale: lang } });
        const next: Me = { ...updated, csrfToken: me.csrfToken };
        client.setQueryData<Me | null>(ME_KEY, next);
      }
    },
  });
}

/** POST /auth/logout: ends the session; answers the provider's end-session link when the session came through one (docs/sign-in.md). */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<TLogoutResult>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}
