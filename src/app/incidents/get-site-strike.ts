/**
 * Notified site struck (issue 10, item 4): whether an incident took place inside the buffer of a
 * notified site valid at its time, which site, how far, who had been notified of it and when (and
 * who had acknowledged), and whether an operation notice covered the place at that time.
 *
 * Sites are protected sites notified to some party (`notified_to` not empty) and humanitarian
 * notifications of a site, in force at the incident's time (valid then and not withdrawn before it).
 * Everything is read as the reader, in one transaction: a site, a notification or a notice the
 * reader may not see is not there (row-level security), so nothing in the answer, not a count,
 * tells of it.
 */
import type { Position } from '../../domain/geo.ts';
import { noticeCovers, struckDistanceM } from '../../domain/site-strike.ts';
import type { Instant, Interval } from '../../domain/time.ts';
import * as incidents from '../../store/incident.repository.ts';
import * as notifications from '../../store/notification.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

interface StruckSiteBase {
  id: string;
  /** A site's kind (hospital, school, ...). */
  kind: string;
  /** Metres from the incident to the site (0 inside it), rounded. */
  distanceM: number;
  bufferM: number;
  valid: Interval;
}

/** A protected site: its owner is a party, it was notified to parties; no time of notification is kept. */
export interface StruckProtectedSite extends StruckSiteBase {
  source: 'protected_site';
  owner: string;
  notifiedTo: string[];
  /** Whether the incident's perpetrator was among those notified; null when none is attributed. */
  perpetratorNotified: boolean | null;
}

/** A humanitarian notification of a site: an organization told other organizations, each to acknowledge. */
export interface StruckNotifiedSite extends StruckSiteBase {
  source: 'notification';
  name: string;
  ownerOrg: string;
  notifiedAt: Instant;
  withdrawnAt: Instant | null;
  recipients: { org: string; acknowledgedAt: Instant | null }[];
}

export type StruckSite = StruckProtectedSite | StruckNotifiedSite;

/** An operation notice whose area and radius held the place during its window at the incident's time. */
export interface CoveringNotice {
  id: string;
  actor: string;
  kind: string;
  window: Interval;
  radiusM: number;
  /** Whether the notice was the incident's perpetrator's; null when none is attributed. */
  byPerpetrator: boolean | null;
}

export interface SiteStrike {
  /** True when the incident lies within the buffer of a notified site the reader may see. */
  struck: boolean;
  /** Nearest first. */
  sites: StruckSite[];
  operations: CoveringNotice[];
}

type StrikeIncident = Pick<incidents.IncidentView, 'occurredAt' | 'location' | 'perpetrator'>;

/** A notification's time in force: its period, cut short by its withdrawal. */
export const inForce = (n: { valid: { from: Instant; to: Instant }; withdrawnAt: Instant | null }): Interval => ({
  from: n.valid.from,
  to: n.withdrawnAt === null ? n.valid.to : Math.min(n.valid.to, n.withdrawnAt),
});

/** The notified sites and covering notices of an incident, as whoever runs the queries may see them. */
export async function siteStrikeWithin(sql: Sql, incident: StrikeIncident): Promise<SiteStrike> {
  const at = incident.occurredAt;
  const position: Position = [incident.location.lon, incident.location.lat];
  const strike = { at, position };
  const instant = { from: at, to: at + 1 };
  const perpetrator = incident.perpetrator;
  const sites: StruckSite[] = [];
  for (const s of await plans.listSitesNear(sql, instant, position, 0)) {
    if (s.notifiedTo.length === 0) continue;
    const d = struckDistanceM(strike, s);
    if (d === null) continue;
    sites.push({
      source: 'protected_site',
      id: s.id,
      kind: s.kind,
      owner: s.owner,
      distanceM: Math.round(d),
      bufferM: s.bufferM,
      valid: s.valid,
      notifiedTo: s.notifiedTo,
      perpetratorNotified: perpetrator === null ? null : s.notifiedTo.includes(perpetrator),
    });
  }
  for (const n of await notifications.listNear(sql, instant, position, 0, 'site')) {
    const d = struckDistanceM(strike, { geometry: n.geometry, bufferM: n.bufferM, valid: inForce(n) });
    if (d === null) continue;
    sites.push({
      source: 'notification',
      id: n.id,
      kind: n.siteKind ?? 'other',
      name: n.name,
      ownerOrg: n.ownerOrg,
      distanceM: Math.round(d),
      bufferM: n.bufferM,
      valid: n.valid,
      notifiedAt: n.createdAt,
      withdrawnAt: n.withdrawnAt,
      recipients: n.recipients.map((r) => ({ org: r.orgId, acknowledgedAt: r.acknowledgedAt })),
    });
  }
  sites.sort((a, b) => a.distanceM - b.distanceM || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const operations = (await plans.listOperationsNear(sql, instant, position, 0))
    .filter((o) => noticeCovers(strike, o))
    .map((o) => ({
      id: o.id,
      actor: o.actor,
      kind: o.kind,
      window: o.window,
      radiusM: o.radiusM,
      byPerpetrator: perpetrator === null ? null : o.actor === perpetrator,
    }));
  return { struck: sites.length > 0, sites, operations };
}

export async function getSiteStrike(ctx: AppContext, caller: Caller | null, id: string): Promise<SiteStrike> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), async (sql) => {
    const [incident] = await incidents.getMany(sql, [id]);
    if (!incident) throw notFound('incident', id);
    return siteStrikeWithin(sql, incident);
  });
}
