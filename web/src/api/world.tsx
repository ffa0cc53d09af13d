/**
 * What every page names: actors, agreements and organizations by id, the truce's timezone (dates are shown in
 * it) and the agreement whose days of calm are counted. Read once after sign-in, as the user
 * may see them, and kept in the session's query cache (TanStack Query); a live event saying
 * that a change to an actor or an agreement moved findings reads them again (live-invalidation.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { api, type Schemas, unwrap } from './client.ts';
import { queryKeys } from './query-keys.ts';

export type Actor = Schemas['Actor'];
export type Agreement = Schemas['Agreement'];
export type Organization = Schemas['Organization'];

export interface World {
  actors: Actor[];
  agreements: Agreement[];
  /** The organizations the user may see. */
  organizations: Organization[];
  actorName(id: string | null | undefined): string;
  agreementTitle(id: string | null | undefined): string;
  /** An organization's name (reports and audit entries hold its id). */
  orgName(id: string | null | undefined): string;
  /** The agreement whose days of calm are counted; null when none is (or it is hidden). */
  calmAgreement: string | null;
  ready: boolean;
}

/** What the world needs of the state of the truce. */
export interface TruceSettings {
  timezone: string;
  calmAgreement: string | null;
}

const WorldContext = createContext<World | null>(null);

async function allActors(signal: AbortSignal): Promise<Actor[]> {
  const out: Actor[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await api.GET('/api/v1/actors', {
        params: { query: { limit: 500, sort: 'name', ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

async function allAgreements(signal: AbortSignal): Promise<Agreement[]> {
  const out: Agreement[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await api.GET('/api/v1/agreements', {
        params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

/** Read once per session: the cache is cleared on signing out, and live events invalidate what they change. */
const ONCE = { staleTime: Infinity } as const;

/** Every actor the user may see, all pages of them. */
function useActors() {
  return useQuery({ queryKey: queryKeys.actors, queryFn: ({ signal }) => allActors(signal), ...ONCE });
}

/** Every agreement the user may see, all pages of them. */
function useAgreements() {
  return useQuery({ queryKey: queryKeys.agreements, queryFn: ({ signal }) => allAgreements(signal), ...ONCE });
}

/** The organizations the user may see; none when they cannot be read. */
function useOrganizations() {
  return useQuery({
    queryKey: queryKeys.organizations,
    queryFn: async ({ signal }) => (await api.GET('/api/v1/organizations', { signal })).data?.items ?? [],
    ...ONCE,
  });
}

/** The truce's timezone and calm agreement; null when the state cannot be read. */
function useTruceSettings() {
  return useQuery({
    queryKey: queryKeys.truce,
    queryFn: async ({ signal }): Promise<TruceSettings | null> => {
      const state = (await api.GET('/api/v1/state', { params: { query: {} }, signal })).data;
      return state ? { timezone: state.timezone, calmAgreement: state.calm?.agreement ?? null } : null;
    },
    ...ONCE,
  });
}

/** The world's reads; `settled` once each has answered or failed. */
function useWorldData() {
  const actors = useActors();
  const agreements = useAgreements();
  const organizations = useOrganizations();
  const truce = useTruceSettings();
  const settled = [actors, agreements, organizations, truce].every((q) => !q.isPending);
  return { actors, agreements, organizations, truce, settled };
}

/** The year whose offsets the timezone is named by: the truce's (the first agreement's start). */
function truceYear(agreements: readonly Agreement[]): number | undefined {
  const start = agreements
    .flatMap((a) => a.in_force.map((p) => Date.parse(p.from)))
    .filter(Number.isFinite)
    .sort((x, y) => x - y)[0];
  return start === undefined ? undefined : new Date(start).getUTCFullYear();
}

const NONE: never[] = [];

export function WorldProvider({ children }: { children: ReactNode }) {
  const { setTimezone } = useI18n();
  const { actors, agreements, organizations, truce, settled } = useWorldData();
  const truceSettings = truce.data;
  const agreementList = agreements.data;
  // Ready once every read has settled and the timezone is set, so no page reads dates in another zone first.
  const [zoneSet, setZoneSet] = useState(false);

  useEffect(() => {
    if (!settled) return;
    if (truceSettings) setTimezone(truceSettings.timezone, truceYear(agreementList ?? NONE));
    setZoneSet(true);
  }, [settled, truceSettings, agreementList, setTimezone]);

  const ready = settled && zoneSet;
  const actorList = actors.data ?? NONE;
  const agreementsShown = agreementList ?? NONE;
  const organizationList = organizations.data ?? NONE;
  const calmAgreement = truceSettings?.calmAgreement ?? null;

  const value = useMemo<World>(() => {
    const names = new Map(actorList.map((a) => [a.id, a.name]));
    const titles = new Map(agreementsShown.map((g) => [g.id, g.title || g.id]));
    const orgs = new Map(organizationList.map((o) => [o.id, o.name]));
    return {
      actors: actorList,
      agreements: agreementsShown,
      organizations: organizationList,
      calmAgreement,
      ready,
      actorName: (id) => (id ? (names.get(id) ?? id) : '—'),
      agreementTitle: (id) => (id ? (titles.get(id) ?? id) : '—'),
      orgName: (id) => (id ? (orgs.get(id) ?? id) : '—'),
    };
  }, [actorList, agreementsShown, organizationList, calmAgreement, ready]);
  return <WorldContext.Provider value={value}>{children}</WorldContext.Provider>;
}

/** The world, or null before sign-in (the sign-in page has no world yet). */
export function useWorldIfAny(): World | null {
  return useContext(WorldContext);
}

export function useWorld(): World {
  const value = useContext(WorldContext);
  if (!value) throw new Error('useWorld outside WorldProvider');
  return value;
}
