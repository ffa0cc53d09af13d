/**
 * Who is signed in. The session itself is an HttpOnly cookie the page never sees; the page
 * keeps who the user is and the CSRF token its writes must carry, as a query of its own
 * (TanStack Query). Signing out clears every other query, so nothing one user read is shown
 * to the next on the same browser.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { api, ApiError, type Schemas, setCsrfToken, unwrap } from './client.ts';
import { type Permission, roleCan } from './permissions.ts';
import { queryKeys } from './query-keys.ts';

export type Me = Schemas['Me'];

export interface Session {
  me: Me | null;
  /** True until the first answer of /auth/me. */
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Who the server says is signed in: null for a visitor (told `{ signed_in: false }`, a 200, so
 * no error in the console) or when the server cannot be asked.
 */
async function readMe(): Promise<Me | null> {
  try {
    const r = await api.GET('/api/v1/auth/me');
    const me = r.data?.signed_in ? r.data : null;
    setCsrfToken(me?.csrf_token ?? null);
    return me;
  } catch {
    return null;
  }
}

/** Drops every cached answer but who is signed in, cancelling the reads under way. */
function forgetSessionData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] });
}

/** Makes `next` the signed-in user: its CSRF token for the writes, and the answer of the session query. */
function adopt(client: QueryClient, next: Me | null): void {
  setCsrfToken(next?.csrf_token ?? null);
  client.setQueryData<Me | null>(queryKeys.me, next);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  // Asked once; afterwards only signing in and out change the answer.
  const query = useQuery({ queryKey: queryKeys.me, queryFn: readMe, staleTime: Infinity, gcTime: Infinity });

  // The password is not kept once the server has answered (gcTime 0, and the observer reset).
  const { mutateAsync: logIn, reset: resetLogIn } = useMutation({
    mutationFn: async ({ username, password }: { username: string; password: string }) =>
      unwrap(await api.POST('/api/v1/auth/login', { body: { username, password } })),
    onSuccess: (me) => {
      forgetSessionData(client);
      adopt(client, me);
    },
    gcTime: 0,
  });

  const { mutateAsync: logOut } = useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout');
    },
    // Signed out on this page whatever the server answered.
    onSettled: () => adopt(client, null),
    gcTime: 0,
  });

  const signIn = useCallback(
    async (username: string, password: string) => {
      try {
        await logIn({ username, password });
      } finally {
        resetLogIn();
      }
    },
    [logIn, resetLogIn],
  );

  const signOut = useCallback(async () => {
    await logOut();
  }, [logOut]);

  const me = query.data ?? null;
  const loading = query.isPending;
  // Signed out: what the session read goes once its pages are gone. Dropped while they were
  // still mounted, their queries would be asked again at once, and refused.
  const signedIn = me !== null;
  useEffect(() => {
    if (!signedIn) forgetSessionData(client);
  }, [signedIn, client]);
  const value = useMemo<Session>(
    () => ({
      me,
      loading,
      signIn,
      signOut,
      can: (permission) => roleCan(me?.role, permission),
    }),
    [me, loading, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export { ApiError };
