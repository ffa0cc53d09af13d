/** The review queue's reads: the rulings waiting, and the incidents with a finding to review, oldest first. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { IncidentQuery } from '../incidents/queries.ts';

export const REVIEW_PAGE = 50;

/** Pending rulings, or (with `awaiting`) those still waiting for that organization; disabled with `enabled` false. */
export function useRulings(awaiting: string | null, enabled = true) {
  const query = { status: 'pending' as const, ...(awaiting ? { awaiting } : {}) };
  return asQuery(
    useQuery({
      queryKey: queryKeys.rulingList(query),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/rulings', { params: { query }, signal })).items,
      enabled,
    }),
  );
}

/**
 * Incidents with a finding needing review (as the counts read them: a ruling in force settles one),
 * oldest first: the first page, then one more at each `fetchNextPage`, as far as the queue goes.
 */
export function useReviewIncidents(filter: IncidentQuery) {
  const query = { ...filter, verdict: 'needs_review' as const };
  return useInfiniteQuery({
    queryKey: queryKeys.incidentList({ ...query, review: true }),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/incidents', {
          params: {
            query: { ...query, sort: 'occurred_at', limit: REVIEW_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How many incidents wait for review under the filter. */
export function useReviewCount(filter: IncidentQuery) {
  const query = { ...filter, verdict: 'needs_review' as const };
  return asQuery(
    useQuery({
      queryKey: queryKeys.incidentList({ ...query, review: true, count: true }),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/incidents/count', { params: { query }, signal })),
      placeholderData: keepPreviousData,
    }),
  );
}
