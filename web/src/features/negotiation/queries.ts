/**
 * The negotiation room in the web app (docs/negotiation.md): the rooms of the reader's
 * organization, one room with its dashboard and proposals, every version of its clauses, and the
 * writes (open, invite, add or edit a clause, take a position, propose, approve, publish, record
 * a party's acceptance). A write
 * reloads the rooms' reads; so does the live event a member hears.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type Room = paths['/api/v1/negotiation-rooms/{id}']['get']['responses']['200']['content']['application/json'];
export type RoomClause = Room['clauses'][number];
export type Publication = Room['publications'][number];
export type Version =
  paths['/api/v1/negotiation-rooms/{id}/versions']['get']['responses']['200']['content']['application/json']['items'][number];
export type ClauseBody = NonNullable<
  paths['/api/v1/negotiation-rooms/{id}/clauses']['post']['requestBody']
>['content']['application/json'];
export type PositionBody = NonNullable<
  paths['/api/v1/negotiation-rooms/{id}/clauses/{clauseId}/positions']['post']['requestBody']
>['content']['application/json'];
export type PublicationBody = NonNullable<
  paths['/api/v1/negotiation-rooms/{id}/publications']['post']['requestBody']
>['content']['application/json'];
export type AcceptanceBody = NonNullable<
  paths['/api/v1/negotiation-rooms/{id}/acceptances']['post']['requestBody']
>['content']['application/json'];

export function useRooms() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.negotiationRooms,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/negotiation-rooms', { signal })).items,
    }),
  );
}

export function useRoom(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.negotiationRoom(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/negotiation-rooms/{id}', { params: { path: { id } }, signal })),
    }),
  );
}

export function useRoomVersions(id: string) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.negotiationVersions(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/negotiation-rooms/{id}/versions', { params: { path: { id } }, signal })).items,
    }),
  );
}

/** A write in the room; one that changes the agreement (a publication, an acceptance) also reloads the world's agreements. */
function useWrite<A, R>(fn: (arg: A) => Promise<R>, agreementToo = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.negotiation });
      if (agreementToo) void client.invalidateQueries({ queryKey: queryKeys.agreements });
    },
  });
}

export const useOpenRoom = () =>
  useWrite(async (body: { title: string; agreement_id: string }) =>
    unwrap(await api.POST('/api/v1/negotiation-rooms', { body })),
  );

export const useInvite = (id: string) =>
  useWrite(async (org: string) =>
    unwrap(await api.POST('/api/v1/negotiation-rooms/{id}/members', { params: { path: { id } }, body: { org } })),
  );

export const useAddClause = (id: string) =>
  useWrite(async (body: ClauseBody) =>
    unwrap(await api.POST('/api/v1/negotiation-rooms/{id}/clauses', { params: { path: { id } }, body })),
  );

export const useEditClause = (id: string, clauseId: string) =>
  useWrite(async (body: ClauseBody) =>
    unwrap(
      await api.PUT('/api/v1/negotiation-rooms/{id}/clauses/{clauseId}', { params: { path: { id, clauseId } }, body }),
    ),
  );

export const useTakePosition = (id: string, clauseId: string) =>
  useWrite(async (body: PositionBody) =>
    unwrap(
      await api.POST('/api/v1/negotiation-rooms/{id}/clauses/{clauseId}/positions', {
        params: { path: { id, clauseId } },
        body,
      }),
    ),
  );

export const usePropose = (id: string) =>
  useWrite(async (body: PublicationBody) =>
    unwrap(await api.POST('/api/v1/negotiation-rooms/{id}/publications', { params: { path: { id } }, body })),
  );

export const useApprove = (id: string) =>
  useWrite(async (publicationId: string) =>
    unwrap(
      await api.POST('/api/v1/negotiation-rooms/{id}/publications/{publicationId}/approve', {
        params: { path: { id, publicationId } },
      }),
    ),
  );

export const usePublish = (id: string) =>
  useWrite(
    async (publicationId: string) =>
      unwrap(
        await api.POST('/api/v1/negotiation-rooms/{id}/publications/{publicationId}/publish', {
          params: { path: { id, publicationId } },
        }),
      ),
    true,
  );

export const useRecordAcceptance = (id: string) =>
  useWrite(
    async (body: AcceptanceBody) =>
      unwrap(await api.POST('/api/v1/negotiation-rooms/{id}/acceptances', { params: { path: { id } }, body })),
    true,
  );
