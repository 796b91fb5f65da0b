import { useMutation } from '@tanstack/react-query';
import type { TUnsubscribed } from '../../../../shared/api/home';
import { api } from '../../../app/api';

/** POST /home/unsubscribe/:token: the link in a weekly digest turns it off, without signing in. */
export const useUnsubscribe = () => useMutation({ mutationFn: (token: string) => api<TUnsubscribed>(`/home/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST' }) });
