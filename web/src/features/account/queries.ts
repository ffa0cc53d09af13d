/**
 * Your account's reads and writes: your email settings; your API tokens, or, for an admin, those of a
 * user of your organization.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { Schemas } from '../../api/client.ts';

export type EmailSettings = Schemas['EmailSettings'];
export type EmailSettingsBody = Omit<EmailSettings, 'delivery'>;

/** Your email address, language and the kinds of email you ask for, and whether this server sends email. */
export function useEmailSettings() {
  return asQuery(
    useQuery({
      queryKey: queryKeys.emailSettings,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/account/email', { signal })),
    }),
  );
}

/** Saves your email settings (audited: the trail is read again too). */
export function useSaveEmailSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: EmailSettingsBody) => unwrap(await api.PUT('/api/v1/account/email', { body })),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.emailSettings, saved);
      void client.invalidateQueries({ queryKey: queryKeys.auditTrails });
    },
  });
}

/** The API tokens of a user (yourself when `user` is null), revoked ones included; never their secrets. */
export function useApiTokens(user: string | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.apiTokens(user),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/auth/tokens', { params: { query: user ? { user } : {} }, signal })).items,
    }),
  );
}

/** Every change to tokens is audited: the trail is read again too. */
function useTokensChanged() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [queryKeys.apiTokenLists, queryKeys.auditTrails].map((queryKey) => client.invalidateQueries({ queryKey })),
    );
}

/** A new token for yourself: its secret comes back this once. */
export function useCreateApiToken() {
  const changed = useTokensChanged();
  return useMutation({
    mutationFn: async (name: string) => unwrap(await api.POST('/api/v1/auth/tokens', { body: { name } })),
    onSuccess: () => void changed(),
  });
}

/** Revokes a token: yours, or (an admin) one of a user of your organization. */
export function useRevokeApiToken() {
  const changed = useTokensChanged();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void changed(),
  });
}
