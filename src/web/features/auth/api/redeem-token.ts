import { useMutation } from '@tanstack/react-query';
import { api } from '../../../app/api';

/** POST /auth/tokens/:token: sets the password; the link then stops working. */
export const useRedeemToken = (token: string) =>
  useMutation({ mutationFn: (password: string) => api<void>(`/auth/tokens/${encodeURIComponent(token)}`, { method: 'POST', json: { password } }) });
