/**
 * The parties' positions in the web app: the user's organization's and those shared with it, and
 * what it does with its own: record, change, withdraw. A write reloads them and the notices (a
 * position is checked against the operation notices in force); so does the live event
 * `position.changed` (api/live-invalidation.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type Position = paths['/api/v1/positions/{id}']['get']['responses']['200']['content']['application/json'];
export type PositionBody = NonNullable<
  paths['/api/v1/positions']['post']['requestBody']
>['content']['application/json'];
export type PositionPatch = NonNullable<
  paths['/api/v1/positions/{id}']['patch']['requestBody']
>['content']['application/json'];

export function usePositions(box: 'own' | 'shared') {
  return asQuery(
    useQuery({
      queryKey: [...queryKeys.positions, box],
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/positions', { params: { query: { limit: 200, box } }, signal })).items,
    }),
  );
}

function useReloading<A>(fn: (arg: A) => Promise<Position>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.positions });
      void client.invalidateQueries({ queryKey: queryKeys.notices });
    },
  });
}

export const useRecordPosition = () =>
  useReloading(async (body: PositionBody) => unwrap(await api.POST('/api/v1/positions', { body })));

export const useChangePosition = () =>
  useReloading(async ({ id, body }: { id: string; body: PositionPatch }) =>
    unwrap(await api.PATCH('/api/v1/positions/{id}', { params: { path: { id } }, body })),
  );

export const useWithdrawPosition = () =>
  useReloading(async (id: string) =>
    unwrap(await api.POST('/api/v1/positions/{id}/withdraw', { params: { path: { id } } })),
  );
