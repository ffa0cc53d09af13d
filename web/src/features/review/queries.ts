/** The review queue's reads: the rulings waiting, and the incidents with a finding to review, oldest first. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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

/** Incidents with a finding needing review (as the counts read them: a ruling in force settles one), oldest first. */
export function useReviewIncidents(filter: IncidentQuery, limit = REVIEW_PAGE) {
  const query = { ...filter, verdict: 'needs_review' as const };
  return asQuery(
    useQuery({
      queryKey: queryKeys.incidentList({ ...query, review: true, limit }),
      queryFn: async ({ signal }) => {
        const [list, count] = await Promise.all([
          api
            .GET('/api/v1/incidents', {
              params: { query: { ...query, sort: 'occurred_at', limit } },
              signal,
            })
            .then(unwrap),
          api.GET('/api/v1/incidents/count', { params: { query }, signal }).then(unwrap),
        ]);
        return { items: list.items, count: count.count };
      },
      placeholderData: keepPreviousData,
    }),
  );
}
