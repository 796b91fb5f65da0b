import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { ME_KEY, type Me } from '../../../app/session';

/** PATCH /me: whether the weekly digest of Min side comes by e-mail (for the school the session works in). */
export function useSetWeeklyDigest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (weeklyDigest: boolean) => api<Me>('/me', { method: 'PATCH', json: { weeklyDigest } }),
    onSuccess: (updated) => {
      // PATCH /me answers without the CSRF token; keep the one GET /me gave
      const csrfToken = client.getQueryData<Me | null>(ME_KEY)?.csrfToken;
      client.setQueryData<Me | null>(ME_KEY, csrfToken === undefined ? updated : { ...updated, csrfToken });
    },
  });
}
