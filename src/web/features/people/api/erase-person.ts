import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TErasure } from '../../../../shared/api/privacy';
import { api } from '../../../app/api';

/** POST /people/:id/erase: erases and anonymises the person; `confirm` is their name typed again. */
export function useErasePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => api<TErasure>(`/people/${encodeURIComponent(id)}/erase`, { method: 'POST', json: { confirm } }),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['people', 'one', id] });
      void client.invalidateQueries({ queryKey: ['people', 'list'] });
      void client.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}
