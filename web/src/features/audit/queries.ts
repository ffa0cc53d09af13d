/** The audit trail's reads: its entries across records, page by page, and the check of its chain. */
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type AuditTrailQuery = Omit<
  NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>,
  'limit' | 'cursor'
>;

export const AUDIT_PAGE = 50;

/** The entries the reader may see, newest first: the first page, then one more at each `fetchNextPage`. */
export function useAuditTrail(query: AuditTrailQuery) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditTrail(query),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/audit', {
          params: { query: { ...query, limit: AUDIT_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useVerifyAudit() {
  return useMutation({
    mutationFn: async () => unwrap(await api.GET('/api/v1/audit/verify')),
  });
}
