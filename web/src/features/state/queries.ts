/** The state page's reads, cached and shared (TanStack Query); live findings invalidate them (api/live-invalidation.ts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';

export interface StateScope {
  from: string;
  to: string;
  agreement: string | null;
}

/**
 * The state of the truce over the days and agreement chosen, or null until `ready` (the default
 * agreement is known once the world is loaded). While another choice loads, the previous answer stays.
 */
export function useTruceState({ from, to, agreement }: StateScope, ready: boolean) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.state({ from, to, agreement, ready }),
      queryFn: async ({ signal }) => {
        if (!ready) return null;
        return unwrap(
          await api.GET('/api/v1/state', {
            params: { query: { from, to, ...(agreement ? { agreement } : {}) } },
            signal,
          }),
        );
      },
      placeholderData: keepPreviousData,
    }),
  );
}
