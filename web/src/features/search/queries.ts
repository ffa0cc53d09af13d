/** Search's read: incidents and reports matching the words, as the reader may see them. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';

export function useSearch(q: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.search(q),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/search', { params: { query: { q, limit: 50 } }, signal })),
      enabled: q.trim() !== '',
      placeholderData: keepPreviousData,
    }),
  );
}
