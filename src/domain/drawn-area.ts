/**
 * An area a reader draws to ask about (the daily report's drawn area: docs/daily-report.md): one
 * Polygon without holes, of at most MAX_DRAWN_POINTS points, that passes the checks of a zone's
 * area (area-check.ts: enough distinct points, no ring crossing itself, every point in Syria).
 *
 * In an address it travels as its ring in the encoded polyline format (Google's, at five decimals,
 * about a metre, as OSRM and Valhalla write routes): each point the difference from the one before,
 * a few letters each, so that a ring of three hundred points stays under 3,000 characters where the
 * numbers written out take twice that. The ring is written open (its closing point left out).
 */
import { type AreaProblem, areaProblems } from './area-check.ts';
import { EARTH_RADIUS_M, type Polygon, type Position } from './geo.ts';
import { renderEnglish, statement } from './statements.ts';

/** More points than a person draws to ask about a place (a zone's area may hold many more). */
export const MAX_DRAWN_POINTS = 500;
/** The longest encoded ring accepted: MAX_DRAWN_POINTS points of up to twelve letters. */
export const MAX_DRAWN_TEXT = MAX_DRAWN_POINTS * 12;

const FACTOR = 1e5;

/** The ring (open or closed) in the encoded polyline format, at five decimals, written open. */
export function encodeRing(ring: readonly Position[]): string {
  const open = ring.length > 1 && same(ring[0]!, ring.at(-1)!) ? ring.slice(0, -1) : ring;
  let out = '';
  let [lastLat, lastLon] = [0, 0];
  for (const [lon, lat] of open) {
    const [y, x] = [Math.round(lat * FACTOR), Math.round(lon * FACTOR)];
    out += encodeNumber(y - lastLat) + encodeNumber(x - lastLon);
    [lastLat, lastLon] = [y, x];
  }
  return out;
}

function encodeNumber(n: number): string {
  let v = n < 0 ? ~(n << 1) : n << 1;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v >>= 5;
  }
  return out + String.fromCharCode(v + 63);
}

/** The open ring an encoded polyline holds, or null when the text is not one. */
export function decodeRing(text: string): Position[] | null {
  const ring: Position[] = [];
  let [i, lat, lon] = [0, 0, 0];
  const next = (): number | null => {
    let [shift, result] = [0, 0];
    for (;;) {
      if (i >= text.length || shift > 30) return null;
      const b = text.charCodeAt(i++) - 63;
      if (b < 0 || b > 63) return null;
      result |= (b & 0x1f) << shift;
      shift += 5;
      if (b < 0x20) break;
    }
    return result & 1 ? ~(result >> 1) : result >> 1;
  };
  while (i < text.length) {
    const dy = next();
    const dx = next();
    if (dy === null || dx === null) return null;
    lat += dy;
    lon += dx;
    ring.push([lon / FACTOR, lat / FACTOR]);
  }
  return ring;
}

/** The Polygon of an open ring (closed by its first point). */
export function polygonOfRing(ring: readonly Position[]): Polygon {
  const open = ring.length > 1 && same(ring[0]!, ring.at(-1)!) ? ring.slice(0, -1) : ring;
  return { type: 'Polygon', coordinates: [[...open, ...(open.length > 0 ? [open[0]!] : [])]] };
}

/**
 * What is wrong with a drawn area, each problem named by its path below the polygon: too many
 * points, and every problem of a zone's area (area-check.ts).
 */
export function drawnAreaProblems(polygon: Polygon): AreaProblem[] {
  const points = polygon.coordinates.reduce((n, r) => n + Math.max(0, r.length - 1), 0);
  if (points > MAX_DRAWN_POINTS) {
    const s = statement('problem.area_too_many_points', {
      count: { number: points },
      limit: { number: MAX_DRAWN_POINTS },
    });
    return [{ path: ['coordinates'], statement: s, message: renderEnglish(s, NAMES) }];
  }
  return areaProblems(polygon);
}

const NAMES = { actor: (id: string) => id, agreement: (id: string) => id };

/** The area a ring encloses on the sphere, in square kilometres (the edges straight in degrees, as drawn). */
export function ringAreaKm2(ring: readonly Position[]): number {
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon1, lat1] = ring[i]!;
    const [lon2, lat2] = ring[(i + 1) % ring.length]!;
    sum += (lon2 - lon1) * rad * (2 + Math.sin(lat1 * rad) + Math.sin(lat2 * rad));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2) / 1e6;
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
