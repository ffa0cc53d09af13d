/**
 * Operation notices in the web app (TanStack Query): the notices the user may see with their
 * conflicts, the alerts of the user's organization's places, and what it does: declare, change,
 * withdraw. Each write reloads them, as does the live event `notice.changed` (api/live-invalidation.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type Notice =
  paths['/api/v1/operation-notices']['get']['responses']['200']['content']['application/json']['items'][number];
export type NoticeConflict = Notice['conflicts'][number];
export type Alert =
  paths['/api/v1/deconfliction-alerts']['get']['responses']['200']['content']['application/json']['items'][number];
export type DeclareBody = NonNullable<
  paths['/api/v1/operations']['post']['requestBody']
>['content']['application/json'];
export type NoticePatch = NonNullable<
  paths['/api/v1/operations/{id}']['patch']['requestBody']
>['content']['application/json'];

export function useNotices(box: 'mine' | 'all') {
  return asQuery(
    useQuery({
      queryKey: [...queryKeys.notices, 'list', box],
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/operation-notices', {
            params: { query: { limit: 200, ...(box === 'all' ? {} : { box }) } },
            signal,
          }),
        ).items,
      refetchInterval: 60_000,
    }),
  );
}

/** The user's organization's sites, movements and positions that an operation comes near (without the operation). */
export function useAlerts() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.noticeAlerts,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/deconfliction-alerts', { signal })).items,
      refetchInterval: 60_000,
    }),
  );
}

function useReloading<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.notices }),
  });
}

export const useDeclare = () =>
  useReloading(async (body: DeclareBody) => unwrap(await api.POST('/api/v1/operations', { body })));

export const useChangeNotice = () =>
  useReloading(async ({ id, body }: { id: string; body: NoticePatch }) =>
    unwrap(await api.PATCH('/api/v1/operations/{id}', { params: { path: { id } }, body })),
  );

export const useWithdrawNotice = () =>
  useReloading(async (id: string) =>
    unwrap(await api.POST('/api/v1/operations/{id}/withdraw', { params: { path: { id } } })),
  );
