/**
 * Who is signed in. The session itself is an HttpOnly cookie the page never sees; the page
 * keeps who the user is and the CSRF token its writes must carry.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Schemas, setCsrfToken, unwrap } from './client.ts';
import { type Permission, roleCan } from './permissions.ts';

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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const adopt = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrf_token ?? null);
    setMe(next);
  }, []);

  useEffect(() => {
    let live = true;
    // A visitor with no session is told `{ signed_in: false }` (200, so no error in the console).
    api
      .GET('/api/v1/auth/me')
      .then((r) => {
        if (live) adopt(r.data?.signed_in ? r.data : null);
      })
      .catch(() => undefined)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [adopt]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      adopt(unwrap(await api.POST('/api/v1/auth/login', { body: { username, password } })));
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } finally {
      adopt(null);
    }
  }, [adopt]);

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
