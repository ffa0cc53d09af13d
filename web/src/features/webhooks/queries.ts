/**
 * Your webhooks (TanStack Query): the list, one's delivery log page by page, and what you do with
 * them: create (its secret comes back this once), pause or resume, delete. Every change is audited,
 * so the trail is read again too. The log is read again every 15 seconds while it is open: retries
 * come due on the server's clock.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type Webhook = paths['/api/v1/webhooks/{id}']['get']['responses']['200']['content']['application/json'];
export type NewWebhookBody = NonNullable<
  paths['/api/v1/webhooks']['post']['requestBody']
>['content']['application/json'];
export type Delivery =
  paths['/api/v1/webhooks/{id}/deliveries']['get']['responses']['200']['content']['application/json']['items'][number];

export const DELIVERY_PAGE = 20;

export function useWebhooks() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.webhookList,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/webhooks', { signal })).items,
    }),
  );
}

/** A webhook's deliveries, newest first: the first page, then one more at each `fetchNextPage`. */
export function useDeliveries(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.webhookDeliveries(id),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/webhooks/{id}/deliveries', {
          params: {
            path: { id },
            query: { limit: DELIVERY_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: 15_000,
  });
}

function useChanged() {
  const client = useQueryClient();
  return () =>
    Promise.all([queryKeys.webhooks, queryKeys.auditTrails].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useCreateWebhook() {
  const changed = useChanged();
  return useMutation({
    mutationFn: async (body: NewWebhookBody) => unwrap(await api.POST('/api/v1/webhooks', { body })),
    onSuccess: () => void changed(),
  });
}

/** Pauses (`active: false`) or resumes a webhook. */
export function usePauseWebhook() {
  const changed = useChanged();
  return useMutation({
    mutationFn: async ({ id, active }: { id: string; active: boolean }) =>
      unwrap(await api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: () => void changed(),
  });
}

export function useDeleteWebhook() {
  const changed = useChanged();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => void changed(),
  });
}
