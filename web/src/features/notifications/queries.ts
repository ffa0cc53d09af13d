/**
 * Humanitarian notifications in the web app (TanStack Query): those the user's organization sent
 * and received, and what it does with them: notify, acknowledge, renew, withdraw. Each write
 * reloads the lists, as does the live event of another's (api/live-invalidation.ts); the lists
 * are read again every minute too, so that a deadline passed shows as overdue.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type Notification =
  paths['/api/v1/notifications/{id}']['get']['responses']['200']['content']['application/json'];
export type NotifyBody = NonNullable<
  paths['/api/v1/notifications']['post']['requestBody']
>['content']['application/json'];
export type RenewBody = NonNullable<
  paths['/api/v1/notifications/{id}/renew']['post']['requestBody']
>['content']['application/json'];

export function useNotifications(box: 'sent' | 'received' | 'all') {
  return asQuery(
    useQuery({
      queryKey: [...queryKeys.notifications, box],
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/notifications', {
            params: { query: { limit: 200, ...(box === 'all' ? {} : { box }) } },
            signal,
          }),
        ).items,
      refetchInterval: 60_000,
    }),
  );
}

function useReloading<A>(fn: (arg: A) => Promise<Notification>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export const useNotify = () =>
  useReloading(async (body: NotifyBody) => unwrap(await api.POST('/api/v1/notifications', { body })));

export const useAcknowledge = () =>
  useReloading(async (id: string) =>
    unwrap(await api.POST('/api/v1/notifications/{id}/acknowledge', { params: { path: { id } } })),
  );

export const useRenew = () =>
  useReloading(async ({ id, body }: { id: string; body: RenewBody }) =>
    unwrap(await api.POST('/api/v1/notifications/{id}/renew', { params: { path: { id } }, body })),
  );

export const useWithdraw = () =>
  useReloading(async (id: string) =>
    unwrap(await api.POST('/api/v1/notifications/{id}/withdraw', { params: { path: { id } } })),
  );
