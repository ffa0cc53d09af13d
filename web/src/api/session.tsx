/**
 * Who is signed in. The session itself is an HttpOnly cookie the page never sees; the page
 * keeps who the user is and the CSRF token its writes must carry, as a query of its own
 * (TanStack Query). Signing out clears every other query, so nothing one user read is shown
 * to the next on the same browser.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { ApiError, setCsrfToken } from './client.ts';
import { type Permission, roleCan } from './permissions.ts';
import { type Me, useLogIn, useLogOut, useMe } from './queries.ts';
import { queryKeys } from './query-keys.ts';

export type { Me } from './queries.ts';

export interface Session {
  me: Me | null;
  /** True until the first answer of /auth/me. */
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<Session | null>(null);

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
  const query = useMe();
  const { mutateAsync: logIn, reset: resetLogIn } = useLogIn((me) => {
    forgetSessionData(client);
    adopt(client, me);
  });
  // Signed out on this page whatever the server answered.
  const { mutateAsync: logOut } = useLogOut(() => adopt(client, null));

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
