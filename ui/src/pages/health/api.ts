import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';
import { applyAction, type Action } from './messages';
import { announcement, type HealthIssue, type HealthOverview, type ServiceMessage } from './model';

const minute = 60_000;

/** useOverviews is each service's current status. */
export function useOverviews() {
  return useQuery({ queryKey: ['health', 'overviews'], staleTime: minute,
    queryFn: () => api.get<Collection<HealthOverview>>(`${announcement}/healthOverviews`).then((c) => c.value) });
}

/** useIssues is the open issues and those resolved in the last 30 days, with their posts. */
export function useIssues() {
  return useQuery({ queryKey: ['health', 'issues'], staleTime: minute,
    queryFn: () => api.get<Collection<HealthIssue>>(`${announcement}/issues`).then((c) => c.value) });
}

/** useMessages is the message center's posts with the admin's own read, archive and favourite state. */
export function useMessages() {
  return useQuery({ queryKey: ['health', 'messages'], staleTime: minute,
    queryFn: () => api.get<Collection<ServiceMessage>>(`${announcement}/messages`).then((c) => c.value) });
}

/** useMessageAction posts an action on messages and shows its effect at once, undoing it if the server refuses. */
export function useMessageAction() {
  const qc = useQueryClient();
  const key = ['health', 'messages'];
  return useMutation({
    mutationFn: ({ action, ids }: { action: Action; ids: string[] }) => api.post(`${announcement}/messages/${action}`, { messageIds: ids }),
    onMutate: async ({ action, ids }) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<ServiceMessage[]>(key);
      qc.setQueryData<ServiceMessage[]>(key, (old) => old?.map((m) => (ids.includes(m.id) ? applyAction(m, action) : m)));
      return { before };
    },
    onError: (_e, _v, ctx) => { if (ctx?.before) qc.setQueryData(key, ctx.before); },
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
