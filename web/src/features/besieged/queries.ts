/**
 * Besieged and hard-to-reach areas in the web app (TanStack Query): the dashboard (each area as of
 * its latest day, the overall count), one area with every figure, and the writes a page offers (a
 * population estimate, a status from a day). A write reloads the dashboard and the area.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type Dashboard = paths['/api/v1/besieged-areas']['get']['responses']['200']['content']['application/json'];
export type DashboardArea = Dashboard['items'][number];
export type AreaDetail = paths['/api/v1/besieged-areas/{id}']['get']['responses']['200']['content']['application/json'];
export type Estimate = AreaDetail['estimates'][number];
export type EstimateBody = NonNullable<
  paths['/api/v1/besieged-areas/{id}/estimates']['post']['requestBody']
>['content']['application/json'];
export type AreaPatch = NonNullable<
  paths['/api/v1/besieged-areas/{id}']['patch']['requestBody']
>['content']['application/json'];

export function useBesiegedDashboard() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.besiegedDashboard,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/besieged-areas', { signal })),
    }),
  );
}

export function useBesiegedArea(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.besiegedArea(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/besieged-areas/{id}', { params: { path: { id } }, signal })),
    }),
  );
}

function useAreaWrite<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.besieged }),
  });
}

export const useAddEstimate = (id: string) =>
  useAreaWrite(async (body: EstimateBody) =>
    unwrap(await api.POST('/api/v1/besieged-areas/{id}/estimates', { params: { path: { id } }, body })),
  );

export const useChangeArea = (id: string) =>
  useAreaWrite(async (body: AreaPatch) =>
    unwrap(await api.PATCH('/api/v1/besieged-areas/{id}', { params: { path: { id } }, body })),
  );

interface Outline {
  features: { geometry: { type: string; coordinates: unknown } }[];
}

/** The country's outline (OCHA admin 0, shipped with the web app): the dashboard's small map draws the areas over it. */
export function useCountryOutline() {
  return useQuery({
    queryKey: ['boundaries', 'admin0'] as const,
    queryFn: async ({ signal }) => (await (await fetch('/boundaries/admin0.geojson', { signal })).json()) as Outline,
    staleTime: Infinity,
  });
}
