import { useMutation } from '@tanstack/react-query';
import type { TResetRequested } from '../../../../shared/api/auth';
import { api } from '../../../app/api';

/** POST /auth/password-reset: always 202; says whether e-mail is set up. */
export const useRequestReset = () =>
  useMutation({ mutationFn: (email: string) => api<TResetRequested>('/auth/password-reset', { method: 'POST', json: { email } }) });
