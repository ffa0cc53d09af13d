/**
 * Convoy requests in the web app (TanStack Query): the lists (awaiting my organization's decision,
 * my organization's, all I may see), one request with its timeline, and each step. A step answers
 * with the request as it now stands; every write reloads the requests, as does the live event of
 * another's (api/live-invalidation.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type ConvoyRequest =
  paths['/api/v1/convoy-requests/{id}']['get']['responses']['200']['content']['application/json'];
export type ConvoyRequestItem =
  paths['/api/v1/convoy-requests']['get']['responses']['200']['content']['application/json']['items'][number];
type Body<P extends keyof paths, M extends 'post' | 'put'> =
  paths[P] extends Record<M, { requestBody?: { content: { 'application/json': infer B } } }> ? B : never;
export type DraftBody = Body<'/api/v1/convoy-requests', 'post'>;
export type DecisionBody = Body<'/api/v1/convoy-requests/{id}/decisions', 'post'>;
export type LetterBody = Body<'/api/v1/convoy-requests/{id}/letter', 'post'>;
export type DispatchBody = Body<'/api/v1/convoy-requests/{id}/dispatch', 'post'>;
export type ArriveBody = Body<'/api/v1/convoy-requests/{id}/arrive', 'post'>;
export type TurnBackBody = Body<'/api/v1/convoy-requests/{id}/turn-back', 'post'>;
export type AttackBody = Body<'/api/v1/convoy-requests/{id}/attack', 'post'>;
export type DeliveryBody = Body<'/api/v1/convoy-requests/{id}/deliver', 'post'>;

export type Box = 'awaiting' | 'mine' | 'all';

export function useConvoyRequests(box: Box) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.convoyRequestList(box),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/convoy-requests', {
            params: { query: { limit: 200, ...(box === 'all' ? {} : { box }) } },
            signal,
          }),
        ).items,
    }),
  );
}

export function useConvoyRequest(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.convoyRequest(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/convoy-requests/{id}', { params: { path: { id } }, signal })),
    }),
  );
}

/** A write that answers with the request: kept as the request's page, and every list read again. */
function useStep<A>(fn: (arg: A) => Promise<ConvoyRequest>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      client.setQueryData(queryKeys.convoyRequest(r.id), r);
      void client.invalidateQueries({ queryKey: queryKeys.convoyRequests });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useCreateDraft = () =>
  useStep(async (body: DraftBody) => unwrap(await api.POST('/api/v1/convoy-requests', { body })));
export const useUpdateDraft = () =>
  useStep(async ({ id, body }: { id: string; body: DraftBody }) =>
    unwrap(await api.PUT('/api/v1/convoy-requests/{id}', { ...path(id), body })),
  );
export const useSubmit = () =>
  useStep(async (id: string) => unwrap(await api.POST('/api/v1/convoy-requests/{id}/submit', path(id))));
export const useDecide = () =>
  useStep(async ({ id, body }: { id: string; body: DecisionBody }) =>
    unwrap(await api.POST('/api/v1/convoy-requests/{id}/decisions', { ...path(id), body })),
  );
export const useLetter = () =>
  useStep(async ({ id, body }: { id: string; body: LetterBody }) =>
    unwrap(await api.POST('/api/v1/convoy-requests/{id}/letter', { ...path(id), body })),
  );
export const useDispatch = () =>
  useStep(async ({ id, body }: { id: string; body: DispatchBody }) =>
    unwrap(await api.POST('/api/v1/convoy-requests/{id}/dispatch', { ...path(id), body })),
  );
export const useArrive = () =>
  useStep(async ({ id, body }: { id: string; body: ArriveBody }) =>
    unwrap(await api.POST('/api/v1/convoy-requests/{id}/arrive', { ...path(id), body })),
  );
export const useTurnBack = () =>
  useStep(async ({ id, body }: { id: string; body: TurnBackBody }) =>
    unwrap(await api.POST('/api/v1/convoy-requests/{id}/turn-back', { ...path(id), body })),
  );
export const useAttack = () =>
  useStep(async ({ id, body }: { id: string; body: AttackBody }) =>
    unwrap(await api.POST('/api/v1/convoy-requests/{id}/attack', { ...path(id), body })),
  );
export const useDeliver = () =>
  useStep(async ({ id, body }: { id: string; body: DeliveryBody }) =>
    unwrap(await api.POST('/api/v1/convoy-requests/{id}/deliver', { ...path(id), body })),
  );
