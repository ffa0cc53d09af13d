/**
 * What every page names: actors, agreements, organizations and zones by id, in the reader's language (the Arabic
 * name on an Arabic page where there is one: i18n/record-names.ts), the truce's timezone (from the world's
 * settings: dates are shown in it) and the agreement whose days of calm are shown by default. Read once after
 * sign-in, as the user may see them, and kept in the session's query cache (TanStack Query); a live event saying
 * that a change to an actor, an agreement or a zone moved findings, or that the settings changed, reads them again
 * (live-invalidation.ts).
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { nameLookup, sortedByName } from '../i18n/record-names.ts';
import {
  type Actor,
  type Agreement,
  type Organization,
  useActors,
  useAgreements,
  useOrganizations,
  useSettings,
  useZoneNames,
  type ZoneName,
} from './queries.ts';

export type { Actor, Agreement, Organization, Settings, ZoneName } from './queries.ts';

export interface World {
  /** By name as the reader reads them (the server's order is by English name). */
  actors: Actor[];
  agreements: Agreement[];
  /** The organizations the user may see, by name as the reader reads them. */
  organizations: Organization[];
  /** The zones the user may see, by name as the reader reads them. */
  zones: ZoneName[];
  actorName(id: string | null | undefined): string;
  agreementTitle(id: string | null | undefined): string;
  /** An organization's name (reports and audit entries hold its id). */
  orgName(id: string | null | undefined): string;
  /** A zone's name; else `given` (the English name a statement or an event carries), else empty. */
  zoneName(id: string, given?: string | null): string;
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
  // Zones are named in statements only, which carry an English name meanwhile: no page waits for them.
  const zones = useZoneNames();
  const settled = [actors, agreements, organizations, settings].every((q) => !q.isPending);
  return { actors, agreements, organizations, settings, zones, settled };
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
  const { lang, setTimezone } = useI18n();
  const { actors, agreements, organizations, settings, zones, settled } = useWorldData();
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
  const zoneList = zones.data ?? NONE;
  const calmAgreement = truceSettings?.calm.find((c) => c.default)?.agreement ?? null;

  const value = useMemo<World>(() => {
    const names = nameLookup(lang, {
      actors: actorList,
      agreements: agreementsShown,
      organizations: organizationList,
      zones: zoneList,
    });
    // Until the names have come, a name reads as an ellipsis, never as its id (the header shows the user's organization at once).
    const unnamed = (id: string) => (ready ? id : '…');
    return {
      // The server gives them by English name; an Arabic page lists them by their Arabic names.
      actors: lang === 'ar' ? sortedByName(lang, actorList) : actorList,
      agreements: agreementsShown,
      organizations: lang === 'ar' ? sortedByName(lang, organizationList) : organizationList,
      zones: sortedByName(lang, zoneList),
      calmAgreement,
      ready,
      actorName: (id) => (id ? (names.actor(id) ?? unnamed(id)) : '—'),
      agreementTitle: (id) => (id ? (names.agreement(id) ?? unnamed(id)) : '—'),
      orgName: (id) => (id ? (names.organization(id) ?? unnamed(id)) : '—'),
      zoneName: (id, given) => names.zone(id) ?? given ?? '',
    };
  }, [lang, actorList, agreementsShown, organizationList, zoneList, calmAgreement, ready]);
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
