/** Filing a report (TanStack Query mutation): the lists, the map and the figures reload after it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type ReportBody = NonNullable<paths['/api/v1/reports']['post']['requestBody']>['content']['application/json'];

export function useFileReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReportBody) => unwrap(await api.POST('/api/v1/reports', { body })),
    // Not awaited: the form answers at once, and the live event of the same report follows anyway.
    onSuccess: () => {
      for (const queryKey of [
        queryKeys.incidentLists,
        queryKeys.mapExtent,
        queryKeys.mapIncidentViews,
        queryKeys.states,
      ])
        void client.invalidateQueries({ queryKey });
    },
  });
}
