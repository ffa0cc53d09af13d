/**
 * What every page names: actors, agreements and organizations by id, the truce's timezone (from the world's
 * settings: dates are shown in it) and the agreement whose days of calm are shown by default. Read once after
 * sign-in, as the user may see them, and kept in the session's query cache (TanStack Query); a live event saying
 * that a change to an actor or an agreement moved findings, or that the settings changed, reads them again
 * (live-invalidation.ts).
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import {
  type Actor,
  type Agreement,
  type Organization,
  useActors,
  useAgreements,
  useOrganizations,
  useSettings,
} from './queries.ts';

export type { Actor, Agreement, Organization, Settings } from './queries.ts';

export interface World {
  actors: Actor[];
  agreements: Agreement[];
  /** The organizations the user may see. */
  organizations: Organization[];
  actorName(id: string | null | undefined): string;
  agreementTitle(id: string | null | undefined): string;
  /** An organization's name (reports and audit entries hold its id). */
  orgName(id: string | null | undefined): string;
  /** The agreement whose days of calm the state page shows by default; null when none is (or it is hidden). */
  calmAgreement: string | null;
  ready: boolean;
}

const WorldContext = createContext<World | null>(null);

/** The world's reads; `settled` once each has answered or failed. */
function useWorldData() {
  const actors = useActors();
  const agreements = useAgreements();
  const organizations = useOrganizations();
  const settings = useSettings();
  const settled = [actors, agreements, organizations, settings].every((q) => !q.isPending);
  return { actors, agreements, organizations, settings, settled };
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
  const { actors, agreements, organizations, settings, settled } = useWorldData();
  const truceSettings = settings.data;
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
  const calmAgreement = truceSettings?.calm.find((c) => c.default)?.agreement ?? null;

  const value = useMemo<World>(() => {
    const names = new Map(actorList.map((a) => [a.id, a.name]));
    const titles = new Map(agreementsShown.map((g) => [g.id, g.title || g.id]));
    const orgs = new Map(organizationList.map((o) => [o.id, o.name]));
    // Until the names have come, a name reads as an ellipsis, never as its id (the header shows the user's organization at once).
    const unnamed = (id: string) => (ready ? id : '…');
    return {
      actors: actorList,
      agreements: agreementsShown,
      organizations: organizationList,
      calmAgreement,
      ready,
      actorName: (id) => (id ? (names.get(id) ?? unnamed(id)) : '—'),
      agreementTitle: (id) => (id ? (titles.get(id) ?? unnamed(id)) : '—'),
      orgName: (id) => (id ? (orgs.get(id) ?? unnamed(id)) : '—'),
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
