import { useMutation } from '@tanstack/react-query';
import { api } from '../../../app/api';

/** POST /auth/password-reset: always 202; says whether e-mail is set up. */
export const useRequestReset = () =>
  useMutation({ mutationFn: (email: string) => api<{ emailEnabled: boolean }>('/auth/password-reset', { method: 'POST', json: { email } }) });
