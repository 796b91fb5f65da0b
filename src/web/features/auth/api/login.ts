import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLoginResult } from '../../../../shared/api/auth';
import type { TLogin } from '../../../../shared/schemas';
import { api, setCsrfToken } from '../../../app/api';
import { ME_KEY, type Me, applyAccountLang } from '../../../app/session';

/** POST /auth/login: sets the session cookie; the CSRF token and the account come back. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TLogin) => api<TLoginResult>('/auth/login', { method: 'POST', json: input }),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      applyAccountLang(result.me);
      const me: Me = { ...result.me, csrfToken: result.csrfToken };
      client.setQueryData<Me | null>(ME_KEY, me);
    },
  });
}
