/** The incidents' reads, cached and shared (TanStack Query); live events invalidate them (api/live-invalidation.ts). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery, type Query } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type IncidentQuery = Omit<
  NonNullable<paths['/api/v1/incidents']['get']['parameters']['query']>,
  'limit' | 'sort' | 'cursor'
>;

export const INCIDENT_PAGE = 50;

/** One incident as the reader may see it. Disabled (never loading) without an id. */
export function useIncident(id: string | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.incident(id ?? ''),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/incidents/{id}', { params: { path: { id: id! } }, signal })),
      enabled: id !== null,
    }),
  );
}

/** The incident's audit trail, or null when the reader may not see it. */
export function useIncidentAudit(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.incidentAudit(id),
      queryFn: async ({ signal }) => {
        const r = await api.GET('/api/v1/audit/{entity}/{id}', {
          params: { path: { entity: 'incident', id } },
          signal,
        });
        if (r.response.status === 403) return null;
        return unwrap(r).items;
      },
    }),
  );
}

/** A page of incidents: from the cursor of the page before, or the first. */
export async function fetchIncidentPage(query: IncidentQuery, cursor?: string, signal?: AbortSignal) {
  return unwrap(
    await api.GET('/api/v1/incidents', {
      params: { query: { ...query, limit: INCIDENT_PAGE, ...(cursor ? { cursor } : {}) } },
      ...(signal ? { signal } : {}),
    }),
  );
}

/**
 * The first page of the incidents matching the filters and how many match in all, read together
 * so the count never describes another list. While new filters load, the previous answer stays.
 */
export function useIncidents(query: IncidentQuery) {
  const result = useQuery({
    queryKey: queryKeys.incidentList(query),
    queryFn: async ({ signal }) => {
      const [list, count] = await Promise.all([
        fetchIncidentPage(query, undefined, signal),
        api.GET('/api/v1/incidents/count', { params: { query: { ...query } }, signal }).then(unwrap),
      ]);
      return { list, count };
    },
    placeholderData: keepPreviousData,
  });
  return asQuery(result);
}

type IncidentChange = NonNullable<
  paths['/api/v1/incidents/{id}']['patch']['requestBody']
>['content']['application/json'];

/**
 * An analyst's review (status, grade). On success the incident, its audit trail and the lists
 * reload here, without waiting for the live event of the same change.
 */
export function useUpdateIncident(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: IncidentChange) =>
      unwrap(await api.PATCH('/api/v1/incidents/{id}', { params: { path: { id } }, body })),
    onSuccess: () =>
      Promise.all(
        [queryKeys.incident(id), queryKeys.incidentAudit(id), queryKeys.incidentLists].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export type { Query };

export type RulingProposal = NonNullable<
  paths['/api/v1/incidents/{id}/rulings']['post']['requestBody']
>['content']['application/json'];

/** What a ruling changes: its incident, the lists, the review queue and, once in force, the counts. */
function useRulingReload(incidentId: string) {
  const client = useQueryClient();
  return () => {
    for (const queryKey of [
      queryKeys.incident(incidentId),
      queryKeys.incidentAudit(incidentId),
      queryKeys.incidentLists,
      queryKeys.rulingLists,
      queryKeys.states,
      queryKeys.mapIncidentViews,
    ])
      void client.invalidateQueries({ queryKey });
  };
}

export function useProposeRuling(incidentId: string) {
  const reload = useRulingReload(incidentId);
  return useMutation({
    mutationFn: async (body: RulingProposal) =>
      unwrap(await api.POST('/api/v1/incidents/{id}/rulings', { params: { path: { id: incidentId } }, body })),
    onSuccess: reload,
  });
}

/** Approving or withdrawing a ruling of this incident. */
export function useRulingDecision(incidentId: string) {
  const reload = useRulingReload(incidentId);
  return useMutation({
    mutationFn: async ({ id, decision }: { id: string; decision: 'approve' | 'withdraw' }) =>
      unwrap(
        decision === 'approve'
          ? await api.POST('/api/v1/rulings/{id}/approve', { params: { path: { id } } })
          : await api.POST('/api/v1/rulings/{id}/withdraw', { params: { path: { id } } }),
      ),
    onSuccess: reload,
  });
}

/** Splitting an account out into an incident of its own, or unlinking it (back to the inbox). */
export function useAccountMove(incidentId: string) {
  const reload = useRulingReload(incidentId);
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ reportId, move }: { reportId: string; move: 'split' | 'unlink' }) =>
      move === 'split'
        ? unwrap(
            await api.POST('/api/v1/incidents/{id}/reports/{reportId}/split', {
              params: { path: { id: incidentId, reportId } },
            }),
          )
        : unwrap(
            await api.DELETE('/api/v1/incidents/{id}/reports/{reportId}', {
              params: { path: { id: incidentId, reportId } },
            }),
          ),
    onSuccess: () => {
      reload();
      void client.invalidateQueries({ queryKey: queryKeys.reportLists });
    },
  });
}

/** Incidents near this one in time and place (a day, about 5 km), which may be the same event. */
export function useNearbyIncidents(i: { id: string; occurred_at: string; location: { lon: number; lat: number } }) {
  const d = 0.05;
  const t = Date.parse(i.occurred_at);
  const query = {
    bbox: [i.location.lon - d, i.location.lat - d, i.location.lon + d, i.location.lat + d]
      .map((n) => n.toFixed(4))
      .join(','),
    from: new Date(t - 86_400_000).toISOString(),
    to: new Date(t + 86_400_000).toISOString(),
  };
  return asQuery(
    useQuery({
      queryKey: queryKeys.incidentList({ ...query, nearby: i.id }),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/incidents', { params: { query: { ...query, limit: 50 } }, signal })).items.filter(
          (x) => x.id !== i.id,
        ),
    }),
  );
}

export function useMergeIncident(intoId: string) {
  const reload = useRulingReload(intoId);
  return useMutation({
    mutationFn: async (from: string) =>
      unwrap(await api.POST('/api/v1/incidents/{id}/merge', { params: { path: { id: intoId } }, body: { from } })),
    onSuccess: reload,
  });
}

/** The notified sites within whose buffer the incident took place, who had been told, and the notices that covered it. */
export function useStruckSites(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.struckSites(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/incidents/{id}/struck-sites', { params: { path: { id } }, signal })),
    }),
  );
}

/** How far around the incident its review looks: hours either side, kilometres around. */
export interface Around {
  hours: number;
  km: number;
}

/** The post-incident review: one timeline of what was notified, declared, said and reported around it. */
export function useIncidentReview(id: string, around: Around) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.incidentReview(id, around),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/incidents/{id}/review', {
            params: { path: { id }, query: { hours: around.hours, km: around.km } },
            signal,
          }),
        ),
      placeholderData: keepPreviousData,
    }),
  );
}

export type ExportFormat = NonNullable<paths['/api/v1/incidents/export']['get']['parameters']['query']>['format'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['geojson', 'ndjson', 'hxl', 'acled', 'bundle'];

/** The address of an export of the list as filtered (a download: the browser sends the session cookie). */
export function incidentExportUrl(query: IncidentQuery, format: ExportFormat, lang: 'en' | 'ar'): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  q.set('format', format);
  q.set('lang', lang);
  return `/api/v1/incidents/export?${q}`;
}
