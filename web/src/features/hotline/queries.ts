/**
 * The hotline's reads and writes (TanStack Query): the threads, one thread's timeline, the times per
 * party, and opening, writing, acknowledging and resolving. A write reloads what it changes at once;
 * others' writes reload the same through their live events (api/live-invalidation.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type NewThread = NonNullable<paths['/api/v1/hotline']['post']['requestBody']>['content']['application/json'];

/** The threads the user may see, open first; with the moment they were read, to correct the countdown by the server's clock. */
export function useHotlineThreads() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.hotlineList,
      queryFn: async ({ signal }) => {
        const body = unwrap(await api.GET('/api/v1/hotline', { params: { query: { limit: 200 } }, signal }));
        return { items: body.items, receivedAt: Date.now() };
      },
    }),
  );
}

/** One thread with its timeline; disabled without an id. */
export function useHotlineThread(id: string | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.hotlineThread(id ?? ''),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/hotline/{id}', { params: { path: { id: id! } }, signal })),
      enabled: id !== null,
    }),
  );
}

export function useHotlineTimes() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.hotlineTimes,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/hotline/times', { signal })).items,
    }),
  );
}

function useReload() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.hotline });
}

export function useOpenThread() {
  const reload = useReload();
  return useMutation({
    mutationFn: async (body: NewThread) => unwrap(await api.POST('/api/v1/hotline', { body })),
    onSuccess: reload,
  });
}

export function usePostMessage(id: string) {
  const reload = useReload();
  return useMutation({
    mutationFn: async (body: string) =>
      unwrap(await api.POST('/api/v1/hotline/{id}/messages', { params: { path: { id } }, body: { body } })),
    onSuccess: reload,
  });
}

export function useAcknowledge(id: string) {
  const reload = useReload();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/hotline/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: reload,
  });
}

export function useResolve(id: string) {
  const reload = useReload();
  return useMutation({
    mutationFn: async (note: string | null) =>
      unwrap(await api.POST('/api/v1/hotline/{id}/resolve', { params: { path: { id } }, body: { note } })),
    onSuccess: reload,
  });
}
