/**
 * When the live stream raises an alert. The rule, kept small on purpose:
 *
 * 1. a finding that changed and now says `violation`; or
 * 2. a new report, or an incident whose finding changed, placed within the buffer of a protected
 *    site that was notified to someone (`notified_to` not empty) and valid at that time: the
 *    parties were told about the site, so an event there needs eyes at once, whatever the verdict.
 *
 * The reasons name the rule and the facts, so a person can see why. The caller passes only the
 * sites the reader may see, so an alert never names a site the reader could not look up.
 */
import { geometryDistanceM } from './geo.ts';
import type { ProtectedSite } from './model.ts';
import { contains, type Instant } from './time.ts';

export interface AlertSubject {
  /** A finding's verdict, when the subject is a finding. */
  verdict?: string | null;
  agreement?: string | null;
  violators?: readonly string[];
  /** Where and when the event took place (a report's claim, an incident's facts). */
  where?: { lon: number; lat: number; at: Instant } | null;
}

export interface AlertReason {
  rule: 'violation' | 'protected_site';
  message: string;
  /** The protected site, for rule protected_site. */
  site?: string;
}

export function alertReasons(subject: AlertSubject, sites: readonly ProtectedSite[]): AlertReason[] {
  const reasons: AlertReason[] = [];
  if (subject.verdict === 'violation') {
    const by = subject.violators && subject.violators.length > 0 ? ` by ${subject.violators.join(', ')}` : '';
    reasons.push({ rule: 'violation', message: `a violation of ${subject.agreement ?? 'an agreement'}${by}` });
  }
  const where = subject.where;
  if (where) {
    const point = { type: 'Point' as const, coordinates: [where.lon, where.lat] as [number, number] };
    for (const site of sites) {
      if (site.notifiedTo.length === 0 || !contains(site.valid, where.at)) continue;
      const distance = geometryDistanceM(point, site.geometry);
      if (distance > site.bufferM) continue;
      reasons.push({
        rule: 'protected_site', site: site.id,
        message: `${Math.round(distance)} m from protected site ${site.id} (${site.kind}, buffer ${site.bufferM} m), notified to ${site.notifiedTo.join(', ')}`,
      });
    }
  }
  return reasons;
}
