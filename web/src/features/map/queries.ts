/** The map's reads, cached and shared (TanStack Query); live events invalidate them (api/live-invalidation.ts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';

/** The first and last instants with incidents (without the count): the map's and the state page's default days. */
export function useMapExtent() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.mapExtent,
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/map/extent', { params: { query: { count: 'false' } }, signal })),
    }),
  );
}

/** What the map asks incidents for: the box in view, the zoom, and the time window. */
export interface MapIncidentsView {
  bbox: string;
  zoom: number;
  from: string | null;
  to: string;
}

/**
 * The incidents in view, aggregated on the server (clusters and points). Disabled without a view
 * (the map not ready, or the incidents layer off); while a new view loads, the previous one stays drawn.
 */
export function useMapIncidents(view: MapIncidentsView | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.mapIncidents(view),
      queryFn: async ({ signal }) => {
        const { bbox, zoom, from, to } = view!;
        const query = { bbox, zoom, to, ...(from ? { from } : {}) };
        return unwrap(await api.GET('/api/v1/map/incidents', { params: { query }, signal }));
      },
      enabled: view !== null,
      placeholderData: keepPreviousData,
    }),
  );
}

/** Zones of control as they stood at an instant (GeoJSON); null until the map is ready. */
export function useZones(asOf: string | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.zones(asOf ?? ''),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/zones.geojson', { params: { query: { as_of: asOf! } }, signal })),
      enabled: asOf !== null,
    }),
  );
}

/** Protected sites valid between two instants; disabled while `enabled` is false. */
export function useProtectedSites(from: string, to: string, enabled: boolean) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.protectedSites(from, to),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/protected-sites', { params: { query: { limit: 500, from, to } }, signal })).items,
      enabled,
    }),
  );
}

/** Convoys planned within the window; disabled while `enabled` is false. */
export function useConvoys(from: string | null, to: string, enabled: boolean) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.convoys(from, to),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/convoys', {
            params: { query: { limit: 500, to, ...(from ? { from } : {}) } },
            signal,
          }),
        ).items,
      enabled,
    }),
  );
}
