/**
 * The app shell's reads and writes, as every feature's are in its queries.ts: who is signed in (and signing in and
 * out), and what every page names (actors, agreements, organizations, zones) with the world's settings. The providers of
 * session.tsx and world.tsx compose these hooks; they call the API client nowhere else.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type Schemas, setCsrfToken, unwrap } from './client.ts';
import { queryKeys } from './query-keys.ts';

export type Me = Schemas['Me'];
export type Actor = Schemas['Actor'];
export type Agreement = Schemas['Agreement'];
export type Organization = Schemas['Organization'];
export type Settings = Schemas['Settings'];
/** A zone as the world names it (its area and control are the zone's page's to read). */
export type ZoneName = Pick<Schemas['ZoneAsOf'], 'id' | 'name' | 'name_ar'>;

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

/** Who is signed in. Asked once; afterwards only signing in and out change the answer. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: readMe, staleTime: Infinity, gcTime: Infinity });
}

/** Signs in; the password is not kept once the server has answered (gcTime 0, and the caller resets the observer). */
export function useLogIn(onSuccess: (me: Me) => void) {
  return useMutation({
    mutationFn: async ({ username, password }: { username: string; password: string }) =>
      unwrap(await api.POST('/api/v1/auth/login', { body: { username, password } })),
    onSuccess,
    gcTime: 0,
  });
}

/** Signs out; `onSettled` runs whatever the server answered. */
export function useLogOut(onSettled: () => void) {
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout');
    },
    onSettled,
    gcTime: 0,
  });
}

/** Every item of a list the API gives page by page, reading on to its last page. */
async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor: string | null }>) {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    out.push(...next.items);
    cursor = next.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

const from = (cursor: string | undefined) => (cursor ? { cursor } : {});

const allActors = (signal: AbortSignal): Promise<Actor[]> =>
  allPages(async (cursor) =>
    unwrap(
      await api.GET('/api/v1/actors', { params: { query: { limit: 500, sort: 'name', ...from(cursor) } }, signal }),
    ),
  );

const allAgreements = (signal: AbortSignal): Promise<Agreement[]> =>
  allPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/agreements', { params: { query: { limit: 100, ...from(cursor) } }, signal })),
  );

const allZoneNames = async (signal: AbortSignal): Promise<ZoneName[]> =>
  (
    await allPages(async (cursor) =>
      unwrap(await api.GET('/api/v1/zones', { params: { query: { limit: 500, ...from(cursor) } }, signal })),
    )
  ).map((z) => ({ id: z.id, name: z.name, name_ar: z.name_ar }));

/** Read once per session: the cache is cleared on signing out, and live events invalidate what they change. */
const ONCE = { staleTime: Infinity } as const;

/** Every actor the user may see, all pages of them. */
export function useActors() {
  return useQuery({ queryKey: queryKeys.actors, queryFn: ({ signal }) => allActors(signal), ...ONCE });
}

/** Every agreement the user may see, all pages of them. */
export function useAgreements() {
  return useQuery({ queryKey: queryKeys.agreements, queryFn: ({ signal }) => allAgreements(signal), ...ONCE });
}

/** The zones' names the user may see; none until they come (statements carry a zone's English name meanwhile). */
export function useZoneNames() {
  return useQuery({ queryKey: queryKeys.zoneNames, queryFn: ({ signal }) => allZoneNames(signal), ...ONCE });
}

/** The organizations the user may see; none when they cannot be read. */
export function useOrganizations() {
  return useQuery({
    queryKey: queryKeys.organizations,
    queryFn: async ({ signal }) => (await api.GET('/api/v1/organizations', { signal })).data?.items ?? [],
    ...ONCE,
  });
}

/**
 * The world's settings (GET /settings): the timezone every date is shown in, the host state, the days of calm per
 * agreement the user may see. Read once and kept; a change of them (live-invalidation.ts, or a save on the settings
 * page) reads them again, and the dates follow the timezone at once. Null when they cannot be read.
 */
export const settingsQuery = {
  queryKey: queryKeys.settings,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Settings | null> =>
    (await api.GET('/api/v1/settings', { signal })).data ?? null,
  ...ONCE,
};

export function useSettings() {
  return useQuery(settingsQuery);
}
