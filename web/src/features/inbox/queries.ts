/**
 * The inbox's reads and writes (TanStack Query): the reports waiting, the incidents suggested for
 * one, and what an analyst does with it. Each write reloads what it changes at once, without
 * waiting for its live event; the live events of others' writes reload the same (api/live-invalidation.ts).
 */
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';
import type { InboxQuery } from './inbox-filters.ts';

export const INBOX_PAGE = 50;

type ListQuery = NonNullable<paths['/api/v1/reports']['get']['parameters']['query']>;
export type TriageBody = NonNullable<
  paths['/api/v1/reports/{id}/triage']['put']['requestBody']
>['content']['application/json'];
export type EvaluationBody = NonNullable<
  paths['/api/v1/reports/{id}/evaluation']['put']['requestBody']
>['content']['application/json'];
export type NewIncidentBody = NonNullable<
  paths['/api/v1/incidents']['post']['requestBody']
>['content']['application/json'];

export async function fetchInboxPage(query: InboxQuery, cursor?: string, signal?: AbortSignal) {
  return unwrap(
    await api.GET('/api/v1/reports', {
      params: { query: { ...(query as ListQuery), limit: INBOX_PAGE, ...(cursor ? { cursor } : {}) } },
      ...(signal ? { signal } : {}),
    }),
  );
}

/** The first page of the inbox and how many wait in all, read together; the previous answer stays while new filters load. */
export function useInbox(query: InboxQuery) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.reportList(query),
      queryFn: async ({ signal }) => {
        const { sort: _sort, ...filter } = query;
        const [list, count] = await Promise.all([
          fetchInboxPage(query, undefined, signal),
          api.GET('/api/v1/reports/count', { params: { query: filter as ListQuery }, signal }).then(unwrap),
        ]);
        return { list, count };
      },
      placeholderData: keepPreviousData,
    }),
  );
}

/** The incidents a report may be an account of, best first. Disabled without a report. */
export function useSuggestions(id: string | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.suggestions(id ?? ''),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/reports/{id}/suggestions', {
            params: { path: { id: id! }, query: { limit: 5 } },
            signal,
          }),
        ).items,
      enabled: id !== null,
    }),
  );
}

/**
 * What a desk action changes: the inbox, the report, and the incidents (a link or a new incident).
 * Not awaited by the mutations: the page moves on to the next report at once, before the list it
 * came from reloads without the one just worked (which would unmount the page's own callbacks).
 */
function reloadAfter(client: QueryClient, reportId: string, incidentId?: string): void {
  const keys: (readonly unknown[])[] = [
    queryKeys.reportLists,
    queryKeys.suggestionLists,
    queryKeys.report(reportId),
    queryKeys.incidentLists,
  ];
  if (incidentId) keys.push(queryKeys.incident(incidentId), queryKeys.incidentAudit(incidentId));
  // A fetch on its way is left to finish (`cancelRefetch: false`): cancelled, the next page a reader
  // asked for would be lost, and the list refetched with the pages it had before.
  for (const queryKey of keys) void client.invalidateQueries({ queryKey }, { cancelRefetch: false });
}

export function useTriage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: TriageBody }) =>
      unwrap(await api.PUT('/api/v1/reports/{id}/triage', { params: { path: { id } }, body })),
    onSuccess: (_r, { id }) => reloadAfter(client, id),
  });
}

export function useEvaluate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: EvaluationBody }) =>
      unwrap(await api.PUT('/api/v1/reports/{id}/evaluation', { params: { path: { id } }, body })),
    onSuccess: (_r, { id }) => reloadAfter(client, id),
  });
}

export function useLinkReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ reportId, incidentId }: { reportId: string; incidentId: string }) =>
      unwrap(
        await api.POST('/api/v1/incidents/{id}/reports', {
          params: { path: { id: incidentId } },
          body: { report_id: reportId },
        }),
      ),
    onSuccess: (_r, { reportId, incidentId }) => reloadAfter(client, reportId, incidentId),
  });
}

export function useCreateIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewIncidentBody) => unwrap(await api.POST('/api/v1/incidents', { body })),
    onSuccess: (incident, body) => {
      for (const id of body.report_ids ?? []) reloadAfter(client, id, incident.id);
      for (const queryKey of [queryKeys.mapExtent, queryKeys.mapIncidentViews, queryKeys.states])
        void client.invalidateQueries({ queryKey });
    },
  });
}
