/**
 * Territory findings: every judged change of control the reader may see, filtered by zone, actor
 * and time; one change of control with its judgements and their history. The zones' names are the
 * world's (api/world.tsx).
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';

export const TERRITORY_PAGE = 100;

export interface TerritoryFilter {
  zone?: string | undefined;
  actor?: string | undefined;
  /** Instants (ISO): at or after `from`, before `to`. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The judged changes of control, newest first: the first page, then one more at each `fetchNextPage`. */
export function useTerritoryFindings(filter: TerritoryFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.territoryList({ ...filter }),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/findings', {
          params: {
            query: {
              kind: 'territory',
              sort: '-at',
              limit: TERRITORY_PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(filter.zone ? { subject: filter.zone } : {}),
              ...(filter.actor ? { actor: filter.actor } : {}),
              ...(filter.from ? { from: filter.from } : {}),
              ...(filter.to ? { to: filter.to } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * One change of control: the zone (its entries before and after), the findings of every
 * agreement that judged it, and the history of each (what they said before, and why they changed).
 */
export function useControlChange(zoneId: string, at: number) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.controlChange(zoneId, at),
      queryFn: async ({ signal }) => {
        const [zone, findings] = await Promise.all([
          api.GET('/api/v1/zones/{id}', { params: { path: { id: zoneId } }, signal }).then(unwrap),
          api
            .GET('/api/v1/findings', {
              params: {
                query: {
                  kind: 'territory',
                  subject: zoneId,
                  from: new Date(at).toISOString(),
                  to: new Date(at + 1).toISOString(),
                  limit: 100,
                },
              },
              signal,
            })
            .then(unwrap),
        ]);
        const histories = await Promise.all(
          findings.items.map((f) =>
            api
              .GET('/api/v1/findings/{key}/history', { params: { path: { key: f.key } }, signal })
              .then(unwrap)
              .then((h) => h.history),
          ),
        );
        return { zone, findings: findings.items.map((f, i) => ({ finding: f, history: histories[i]! })) };
      },
    }),
  );
}
