/** The reports' reads, cached and shared (TanStack Query). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';

/** One filed report, as the reader may see it. */
export function useReport(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.report(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/reports/{id}', { params: { path: { id } }, signal })),
    }),
  );
}

/** The text a report was confirmed from (text intake): none when it has none or the reader may not see it. */
export function useReportSource(id: string) {
  return asQuery(
    useQuery({
      queryKey: [...queryKeys.report(id), 'source'],
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/reports/{id}/source', { params: { path: { id } }, signal })).source,
    }),
  );
}
