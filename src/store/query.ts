/**
 * Small helpers for the repositories' list queries: numbered parameters, keyset pagination
 * (a page is the rows after a cursor: the sort key and id of the last row seen), ILIKE patterns.
 */

import type { Cursor, Page, PageRequest } from '../contract/paging.ts';
import { type Area, type BBox, bboxOf } from '../domain/geo.ts';

// The shapes of a page are the contract's (routes and the web app name them too); the store's
// repositories keep importing them from here, beside the helpers that build pages.
export type { Cursor, Page, PageRequest };

/** Collects parameters: `add(value)` returns its placeholder (`$3`). */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `where a and b`, or nothing. */
export const whereAll = (conditions: readonly string[]): string =>
  conditions.length === 0 ? '' : `where ${conditions.join(' and ')}`;

/**
 * The condition and order of a keyset page over `columns` (the sort column, then the id):
 * rows strictly after the cursor, in that order, one more than the limit.
 */
export function keyset(
  params: Params,
  columns: readonly string[],
  descending: boolean,
  page: PageRequest,
): { condition: string | null; tail: string } {
  const direction = descending ? 'desc' : 'asc';
  const tail = `order by ${columns.map((c) => `${c} ${direction}`).join(', ')} limit ${params.add(page.limit + 1)}`;
  if (page.after === null) return { condition: null, tail };
  const placeholders = columns.map((_c, i) => params.add(page.after![i] ?? null));
  return { condition: `(${columns.join(', ')}) ${descending ? '<' : '>'} (${placeholders.join(', ')})`, tail };
}

/** Rows fetched by `keyset` (limit + 1): the extra row says there is a next page. */
export function takePage<T>(rows: readonly T[], page: PageRequest, key: (row: T) => Cursor): Page<T> {
  if (rows.length <= page.limit) return { items: [...rows], next: null };
  const items = rows.slice(0, page.limit);
  return { items, next: key(items.at(-1)!) };
}

/**
 * Full-text search ranks a word found in very many records among this many of its matches, as
 * they are found (migrations 013, 017): reading each candidate's row is most of a search's time,
 * some 10 µs each at a million records.
 */
export const SEARCH_CANDIDATES = 1_000;

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** A record's place: its longitude and latitude columns. */
export interface PlaceColumns {
  lon: string;
  lat: string;
}

/**
 * A place inside a box (edges included), as ranges of longitude and latitude: comparisons of
 * numbers are leakproof, so under row-level security PostgreSQL may still read them from an index
 * (a geometric operator such as `point <@ box` is not, and is tested only after the policies).
 * With `indexed` false it is written as that operator, the same test that no index can serve: for
 * a sorted page, which should walk its sort's index and stop at the page's end.
 */
export const pointInBox = (params: Params, at: PlaceColumns, [x1, y1, x2, y2]: BBox, indexed = true): string =>
  indexed
    ? `(${at.lon} between ${params.add(x1)} and ${params.add(x2)} and ${at.lat} between ${params.add(y1)} and ${params.add(y2)})`
    : `point(${at.lon}, ${at.lat}) <@ box(point(${params.add(x1)}, ${params.add(y1)}), point(${params.add(x2)}, ${params.add(y2)}))`;

/**
 * A point inside an area: its box first (the spatial index), then each polygon with PostgreSQL's
 * own point-in-polygon (a point on an edge counts as inside), less its holes.
 */
export function pointInArea(params: Params, at: PlaceColumns, area: Area, indexed = true): string {
  const point = `point(${at.lon}, ${at.lat})`;
  const polygon = (ring: readonly (readonly number[])[]) =>
    `${params.add(`(${ring.map(([x, y]) => `(${x},${y})`).join(',')})`)}::polygon`;
  const parts = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).map(([outer, ...holes]) => {
    const inside = `${point} <@ ${polygon(outer!)}`;
    return holes.length === 0
      ? inside
      : `(${inside} and not (${holes.map((h) => `${point} <@ ${polygon(h)}`).join(' or ')}))`;
  });
  return `(${pointInBox(params, at, bboxOf(area), indexed)} and (${parts.join(' or ')}))`;
}

/** A span of time, half-open (`from <= t < to`). */
export interface During {
  from: number;
  to: number;
}

/** Degrees of arc in a metre on the spec's sphere (radius 6 371 008.8 m). */
const DEGREES_PER_M = 180 / (Math.PI * 6_371_008.8);

/**
 * Whether a GeoJSON Point held in a jsonb column may lie within `reachSql` metres (an SQL
 * expression, such as a site's buffer) of a position: a test of latitude and longitude bands that
 * never leaves out a point truly within reach (1 % of slack), so that the domain measures fewer
 * shapes. Any other shape (a line, a polygon) passes: the domain measures it.
 */
export function jsonPointMayReach(
  params: Params,
  column: string,
  [lon, lat]: readonly [number, number],
  reachSql: string,
): string {
  const x = params.add(lon),
    y = params.add(lat);
  const reachDeg = `((${reachSql}) * ${params.add(DEGREES_PER_M)}::float8)`;
  const slack = `(${reachDeg} * 1.01 + 1e-7)`;
  const px = `(${column}->'coordinates'->>0)::float8`,
    py = `(${column}->'coordinates'->>1)::float8`;
  const dLon = `abs(${px} - ${x}::float8)`;
  return `(${column}->>'type' <> 'Point' or (abs(${py} - ${y}::float8) <= ${slack}
    and (abs(${y}::float8) + ${reachDeg} >= 89
      or least(${dLon}, 360 - ${dLon}) * cos(radians(abs(${y}::float8) + ${reachDeg})) <= ${slack})))`;
}
