/**
 * The world's reads and changes in the web app: a zone with its judged changes of control, and the
 * changes to an agreement, a zone's control or its area (or a new zone), each sent as a dry run
 * first (`useWorldChange`).
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';
import { useWorldChange } from './change-preview.tsx';

export type PartyBody = NonNullable<
  paths['/api/v1/agreements/{id}/parties']['post']['requestBody']
>['content']['application/json'];
export type TermsBody = NonNullable<
  paths['/api/v1/agreements/{id}']['patch']['requestBody']
>['content']['application/json'];
export type ClauseBody = NonNullable<
  paths['/api/v1/agreements/{id}/clauses']['post']['requestBody']
>['content']['application/json'];

const dryRun = (d: boolean) => ({ query: { dry_run: d ? ('true' as const) : ('false' as const) } });

/** A zone, and the territory findings that judged its changes of control, newest first. */
export function useZone(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.zoneDetail(id),
      queryFn: async ({ signal }) => {
        const [zone, findings] = await Promise.all([
          api.GET('/api/v1/zones/{id}', { params: { path: { id } }, signal }).then(unwrap),
          api
            .GET('/api/v1/findings', {
              params: { query: { subject: id, kind: 'territory', limit: 200, sort: '-at' } },
              signal,
            })
            .then(unwrap),
        ]);
        return { zone, findings: findings.items };
      },
    }),
  );
}

/** A party's acceptance of an agreement. */
export const useAddParty = (agreementId: string) =>
  useWorldChange<PartyBody>(async (body, d) =>
    unwrap(
      await api.POST('/api/v1/agreements/{id}/parties', { params: { path: { id: agreementId }, ...dryRun(d) }, body }),
    ),
  );

/** A party's withdrawal from an agreement. */
export const useWithdrawParty = (agreementId: string) =>
  useWorldChange<{ actor: string; at: string }>(async ({ actor, at }, d) =>
    unwrap(
      await api.POST('/api/v1/agreements/{id}/parties/{actor}/withdraw', {
        params: { path: { id: agreementId, actor }, ...dryRun(d) },
        body: { at },
      }),
    ),
  );

/** A clause added to an agreement. */
export const useAddClause = (agreementId: string) =>
  useWorldChange<ClauseBody>(async (body, d) =>
    unwrap(
      await api.POST('/api/v1/agreements/{id}/clauses', { params: { path: { id: agreementId }, ...dryRun(d) }, body }),
    ),
  );

export type ControlEntryBody = NonNullable<
  paths['/api/v1/zones/{id}/control']['post']['requestBody']
>['content']['application/json'];
export type NewZoneBody = NonNullable<paths['/api/v1/zones']['post']['requestBody']>['content']['application/json'];
export type ZoneGeometryBody = NonNullable<
  paths['/api/v1/zones/{id}/geometry']['put']['requestBody']
>['content']['application/json'];

/** A control entry: who held the zone from a moment on (and until when, if known), who says so, how sure. */
export const useControlEntry = (zoneId: string) =>
  useWorldChange<ControlEntryBody>(async (body, d) =>
    unwrap(await api.POST('/api/v1/zones/{id}/control', { params: { path: { id: zoneId }, ...dryRun(d) }, body })),
  );

/** An agreement's terms: periods in force, scope, exclusions, prohibited acts, self-defence. */
export const useChangeTerms = (agreementId: string) =>
  useWorldChange<TermsBody>(async (body, d) =>
    unwrap(await api.PATCH('/api/v1/agreements/{id}', { params: { path: { id: agreementId }, ...dryRun(d) }, body })),
  );

/** A new zone, drawn on the map. */
export const useNewZone = () =>
  useWorldChange(async (body: NewZoneBody, d: boolean) =>
    unwrap(await api.POST('/api/v1/zones', { params: dryRun(d), body })),
  );

export type ZoneRenameBody = NonNullable<
  paths['/api/v1/zones/{id}']['patch']['requestBody']
>['content']['application/json'];

/** A zone renamed. */
export const useRenameZone = (zoneId: string) =>
  useWorldChange<ZoneRenameBody>(async (body, d) =>
    unwrap(await api.PATCH('/api/v1/zones/{id}', { params: { path: { id: zoneId }, ...dryRun(d) }, body })),
  );

/** A zone's area redrawn. */
export const useRedrawZone = (zoneId: string) =>
  useWorldChange<ZoneGeometryBody>(async (body, d) =>
    unwrap(await api.PUT('/api/v1/zones/{id}/geometry', { params: { path: { id: zoneId }, ...dryRun(d) }, body })),
  );
