/**
 * What every page names: actors, agreements and organizations by id, the truce's timezone (dates are shown in
 * it) and the agreement whose days of calm are counted. Loaded once after sign-in, as the user
 * may see them.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { api, type Schemas, unwrap } from './client.ts';

export type Actor = Schemas['Actor'];
export type Agreement = Schemas['Agreement'];
export type Organization = Schemas['Organization'];

export interface World {
  actors: Actor[];
  agreements: Agreement[];
  actorName(id: string | null | undefined): string;
  agreementTitle(id: string | null | undefined): string;
  /** An organization's name (reports and audit entries hold its id). */
  orgName(id: string | null | undefined): string;
  /** The agreement whose days of calm are counted; null when none is (or it is hidden). */
  calmAgreement: string | null;
  ready: boolean;
}

const WorldContext = createContext<World | null>(null);

async function allActors(): Promise<Actor[]> {
  const out: Actor[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await api.GET('/api/v1/actors', {
        params: { query: { limit: 500, sort: 'name', ...(cursor ? { cursor } : {}) } },
      }),
    );
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

async function allAgreements(): Promise<Agreement[]> {
  const out: Agreement[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await api.GET('/api/v1/agreements', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }),
    );
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

export function WorldProvider({ children }: { children: ReactNode }) {
  const { setTimezone } = useI18n();
  const [actors, setActors] = useState<Actor[]>([]);
  const [agreements, setAgreements] = useState<Agreement[]>([]);
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [calmAgreement, setCalmAgreement] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([
      allActors(),
      allAgreements(),
      api.GET('/api/v1/state', { params: { query: {} } }).then((r) => r.data ?? null),
      api.GET('/api/v1/organizations').then((r) => r.data?.items ?? []),
    ])
      .then(([a, g, state, orgs]) => {
        if (!live) return;
        setActors(a);
        setAgreements(g);
        setOrganizations(orgs);
        if (state) {
          // The page names the zone's offsets as they were in the truce's year (the first agreement's start).
          const start = g
            .flatMap((a) => a.in_force.map((p) => Date.parse(p.from)))
            .filter(Number.isFinite)
            .sort((x, y) => x - y)[0];
          setTimezone(state.timezone, start === undefined ? undefined : new Date(start).getUTCFullYear());
          setCalmAgreement(state.calm?.agreement ?? null);
        }
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [setTimezone]);

  const value = useMemo<World>(() => {
    const names = new Map(actors.map((a) => [a.id, a.name]));
    const titles = new Map(agreements.map((g) => [g.id, g.title || g.id]));
    const orgs = new Map(organizations.map((o) => [o.id, o.name]));
    return {
      actors,
      agreements,
      calmAgreement,
      ready,
      actorName: (id) => (id ? (names.get(id) ?? id) : '—'),
      agreementTitle: (id) => (id ? (titles.get(id) ?? id) : '—'),
      orgName: (id) => (id ? (orgs.get(id) ?? id) : '—'),
    };
  }, [actors, agreements, organizations, calmAgreement, ready]);
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
