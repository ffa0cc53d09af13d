/**
 * The post-incident review's pure parts: the words for a site's kind, where each entry of the
 * timeline links to, which groups to show, and the choices of how far around to look. No React.
 */
import type { Schemas } from '../../api/client.ts';
import { AROUND_DEFAULT, AROUND_LIMITS, REVIEW_GROUPS, type ReviewGroup } from '../../../../src/contract/review.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { localDate } from '../../i18n/format.ts';

export type ReviewEntry = Schemas['ReviewEntry'];
export type { ReviewGroup };
export { REVIEW_GROUPS };

const SITE_KINDS = [
  'hospital',
  'school',
  'warehouse',
  'office',
  'idp_camp',
  'market',
  'residential',
  'convoy',
  'aid_facility',
  'infrastructure',
  'civilians',
  'troops',
  'convoy_route',
] as const;

/** The words for a site's kind; a kind this app has no words for reads as "Site", never its code. */
export function siteKindKey(kind: string | null | undefined): MessageKey {
  return (SITE_KINDS as readonly string[]).includes(kind ?? '')
    ? (`site.kind.${kind}` as MessageKey)
    : 'site.kind.other';
}

/**
 * Where an entry's record is shown: an incident's, a report's and a thread's own pages; the
 * notifications page; the map on the day, centred on the incident, for sites, notices and convoys
 * (they have no page of their own).
 */
export function recordPath(
  entry: Pick<ReviewEntry, 'at' | 'record'>,
  incident: { occurred_at: string; location: { lon: number; lat: number } },
  timezone: string,
): string {
  const id = encodeURIComponent(entry.record.id);
  switch (entry.record.type) {
    case 'incident':
      return `/incidents/${id}`;
    case 'report':
      return `/reports/${id}`;
    case 'hotline_thread':
      return `/hotline?thread=${id}`;
    case 'notification':
      return '/notifications';
    case 'protected_site':
    case 'operation':
    case 'convoy': {
      // A site is shown on the incident's day (it was valid then); a notice or a convoy on its own.
      const day = localDate(entry.record.type === 'protected_site' ? incident.occurred_at : entry.at, timezone);
      const view = `${incident.location.lon.toFixed(4)},${incident.location.lat.toFixed(4)},13.0`;
      return `/map?day=${day}&view=${view}`;
    }
  }
}

/** The hours and kilometres a reader may choose, the default among them, all within the server's limits. */
export const HOURS_CHOICES = [6, 12, 24, 48, 72, 168, 336, 720].filter(
  (h) => h >= AROUND_LIMITS.hours.min && h <= AROUND_LIMITS.hours.max,
);
export const KM_CHOICES = [1, 2, 5, 10, 20, 50, 100, 200].filter(
  (k) => k >= AROUND_LIMITS.km.min && k <= AROUND_LIMITS.km.max,
);

/** How far around, from the page's query string (`?hours=72&km=20`); the default for anything else. */
export function readAround(query: URLSearchParams): { hours: number; km: number } {
  const hours = Number(query.get('hours'));
  const km = Number(query.get('km'));
  return {
    hours: HOURS_CHOICES.includes(hours) ? hours : AROUND_DEFAULT.hours,
    km: KM_CHOICES.includes(km) ? km : AROUND_DEFAULT.km,
  };
}

/** The entries of the groups shown, in their order. */
export function shownEntries<E extends { group: ReviewGroup }>(
  entries: readonly E[],
  hidden: ReadonlySet<ReviewGroup>,
): E[] {
  return entries.filter((e) => e.group === 'incident' || !hidden.has(e.group));
}
