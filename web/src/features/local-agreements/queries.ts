/**
 * Local agreements (reconciliations, surrender and evacuation deals) in the web app: the timeline
 * of those the reader may see, one agreement with its evacuations, and the writes (an agreement,
 * an evacuation). A write reloads the list and the agreement.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type LocalAgreement =
  paths['/api/v1/local-agreements/{id}']['get']['responses']['200']['content']['application/json'];
export type Evacuation = LocalAgreement['evacuations'][number];
export type AgreementBody = NonNullable<
  paths['/api/v1/local-agreements']['post']['requestBody']
>['content']['application/json'];
export type EvacuationBody = NonNullable<
  paths['/api/v1/local-agreements/{id}/evacuations']['post']['requestBody']
>['content']['application/json'];

export function useLocalAgreements() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.localAgreementList,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/local-agreements', { signal })).items,
    }),
  );
}

export function useLocalAgreement(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.localAgreement(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/local-agreements/{id}', { params: { path: { id } }, signal })),
    }),
  );
}

function useWrite<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.localAgreements }),
  });
}

export const useRecordAgreement = () =>
  useWrite(async (body: AgreementBody) => unwrap(await api.POST('/api/v1/local-agreements', { body })));

export const useRecordEvacuation = (id: string) =>
  useWrite(async (body: EvacuationBody) =>
    unwrap(await api.POST('/api/v1/local-agreements/{id}/evacuations', { params: { path: { id } }, body })),
  );

/** A zone's control entries, for choosing the change that followed an agreement; nothing until a zone is chosen. */
export function useZoneControl(zoneId: string) {
  return useQuery({
    queryKey: [...queryKeys.zoneDetail(zoneId), 'control'] as const,
    enabled: zoneId !== '',
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/zones/{id}', { params: { path: { id: zoneId } }, signal })).control,
  });
}
