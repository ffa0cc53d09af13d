/** Administration's reads and writes: the organization's users and organizations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type NewUser = NonNullable<paths['/api/v1/users']['post']['requestBody']>['content']['application/json'];
export type UserChange = NonNullable<
  paths['/api/v1/users/{username}']['patch']['requestBody']
>['content']['application/json'];
export type NewOrganization = NonNullable<
  paths['/api/v1/organizations']['post']['requestBody']
>['content']['application/json'];

export function useUsers() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.users,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/users', { signal })).items,
    }),
  );
}

export function useAddUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewUser) => unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useChangeUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ username, body }: { username: string; body: UserChange }) =>
      unwrap(await api.PATCH('/api/v1/users/{username}', { params: { path: { username } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async (username: string) =>
      unwrap(await api.POST('/api/v1/users/{username}/password', { params: { path: { username } }, body: {} })),
  });
}

export function useAddOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewOrganization) => unwrap(await api.POST('/api/v1/organizations', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.organizations }),
  });
}

/** Which organization decides for which party on convoy requests (read by anyone signed in). */
export function useConvoyRepresentatives() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.convoyRepresentatives,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/convoy-requests/representatives', { signal })),
    }),
  );
}

/** Sets the party an organization decides for on convoy requests (admins): the directory as it then stands. */
export function useSetConvoyRepresentative() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ org, actor }: { org: string; actor: string | null }) =>
      unwrap(
        await api.PUT('/api/v1/convoy-requests/representatives/{org}', {
          params: { path: { org } },
          body: { actor },
        }),
      ),
    onSuccess: (directory) => client.setQueryData(queryKeys.convoyRepresentatives, directory),
  });
}
