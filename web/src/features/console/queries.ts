/**
 * The deconfliction console's reads (TanStack Query): one day's sites, movements, positions,
 * operations, conflicts and alerts, as the server lets the user see them (GET /deconfliction/day).
 * Live events of notifications, positions and notices reload it (api/live-invalidation.ts); it is
 * read again each minute too, so that what ends during the day leaves the map. The hotline threads
 * and the notifications to acknowledge are the hotline's and the notifications' own hooks.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type DeconflictionDay =
  paths['/api/v1/deconfliction/day']['get']['responses']['200']['content']['application/json'];
export type DayTarget = DeconflictionDay['sites'][number];
export type DayOperation = DeconflictionDay['operations'][number];
export type DayConflict = DeconflictionDay['conflicts'][number];

export function useDeconflictionDay(day: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.deconflictionDay(day),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/deconfliction/day', { params: { query: { day } }, signal })),
      refetchInterval: 60_000,
      // The map keeps the day it shows while the next one loads.
      placeholderData: keepPreviousData,
    }),
  );
}
