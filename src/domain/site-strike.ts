/**
 * Notified site struck (issue 10, item 4): an incident whose place lies within the buffer of a
 * site that was notified to someone and valid at the incident's time; and the operation notices
 * whose area and radius held that place during their window.
 *
 * Sites and notices come in one shape whatever their record (a protected site, a humanitarian
 * notification of a site, an operation): the caller says when each was in force (a withdrawn
 * notification is in force until it was withdrawn).
 */
import { geometryDistanceM, type Geometry, type Position } from './geo.ts';
import { contains, type Instant, type Interval } from './time.ts';

export interface BufferedSite {
  geometry: Geometry;
  bufferM: number;
  /** When it was in force: its period of validity, cut short by a withdrawal. */
  valid: Interval;
}

export interface AreaNotice {
  area: Geometry;
  radiusM: number;
  window: Interval;
}

export interface Strike {
  /** Where the incident took place, and when. */
  at: Instant;
  position: Position;
}

const pointOf = (position: Position): Geometry => ({ type: 'Point', coordinates: position });

/**
 * The distance in metres from the incident to the site (0 inside a polygon), when the incident lies
 * within the site's buffer at a time the site was in force; null otherwise. The buffer's edge counts
 * as within.
 */
export function struckDistanceM(strike: Strike, site: BufferedSite): number | null {
  if (!contains(site.valid, strike.at)) return null;
  const distance = geometryDistanceM(pointOf(strike.position), site.geometry);
  return distance <= site.bufferM ? distance : null;
}

/**
 * Whether an operation notice covered the incident: its window holds the incident's time, and its
 * area, widened by its radius, holds the place (the radius's edge counts as covered).
 */
export function noticeCovers(strike: Strike, notice: AreaNotice): boolean {
  return (
    contains(notice.window, strike.at) && geometryDistanceM(pointOf(strike.position), notice.area) <= notice.radiusM
  );
}
