/**
 * Post-incident review (issue 10, item 6): what is "around" an incident, in time and in place.
 *
 * Around in time: from `hours` before the incident to `hours` after it (after the end of its
 * window, when its time is known only to a window). Around in place: within `km` of the incident's
 * place, measured to a record's shape and less the record's own reach (a site's buffer, an
 * operation's radius), so that a site whose buffer comes within 10 km is near. By default 48 hours
 * and 10 km; a reader may widen (or narrow) both within the limits.
 */
import { geometryDistanceM, type Geometry, type Position } from './geo.ts';
import { type Instant, type Interval, overlaps } from './time.ts';

export const AROUND_DEFAULT = { hours: 48, km: 10 } as const;
export const AROUND_LIMITS = { hours: { min: 1, max: 720 }, km: { min: 1, max: 200 } } as const;

const HOUR_MS = 3_600_000;

export interface Around {
  /** Half-open, like every interval of the domain. */
  during: { from: Instant; to: Instant };
  position: Position;
  radiusM: number;
}

export interface IncidentPlaceAndTime {
  occurredAt: Instant;
  occurredUntil?: Instant | null;
  location: { lon: number; lat: number };
}

export function aroundIncident(
  incident: IncidentPlaceAndTime,
  hours: number = AROUND_DEFAULT.hours,
  km: number = AROUND_DEFAULT.km,
): Around {
  const end = Math.max(incident.occurredAt, incident.occurredUntil ?? incident.occurredAt);
  return {
    during: { from: incident.occurredAt - hours * HOUR_MS, to: end + hours * HOUR_MS + 1 },
    position: [incident.location.lon, incident.location.lat],
    radiusM: km * 1000,
  };
}

/** Whether a record's time (an interval, or an instant with its margin) comes within the review's time. */
export function nearInTime(around: Around, when: Interval | Instant, marginMs = 0): boolean {
  const interval: Interval = typeof when === 'number' ? { from: when - marginMs, to: when + marginMs + 1 } : when;
  return overlaps(around.during, interval);
}

/**
 * The distance in metres from the incident to a record's shape (0 when it holds the place), when
 * the record, widened by its own reach, comes within the review's radius; null when it does not.
 */
export function nearInPlace(around: Around, geometry: Geometry, reachM = 0): number | null {
  const distance = geometryDistanceM({ type: 'Point', coordinates: around.position }, geometry);
  return distance - reachM <= around.radiusM ? distance : null;
}
