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

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
/** Full-text search ranks a word found in very many records among this many of its matches (migration 013). */
export const SEARCH_CANDIDATES = 10_000;

export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** A point (an SQL expression such as `point(i.lon, i.lat)`) inside a box: the spatial index's test. */
export const pointInBox = (params: Params, point: string, [x1, y1, x2, y2]: BBox): string =>
  `${point} <@ box(point(${params.add(x1)}, ${params.add(y1)}), point(${params.add(x2)}, ${params.add(y2)}))`;

/**
 * A point inside an area: its box first (the spatial index), then each polygon with PostgreSQL's
 * own point-in-polygon (a point on an edge counts as inside), less its holes.
 */
export function pointInArea(params: Params, point: string, area: Area): string {
  const polygon = (ring: readonly (readonly number[])[]) =>
    `${params.add(`(${ring.map(([x, y]) => `(${x},${y})`).join(',')})`)}::polygon`;
  const parts = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).map(([outer, ...holes]) => {
    const inside = `${point} <@ ${polygon(outer!)}`;
    return holes.length === 0
      ? inside
      : `(${inside} and not (${holes.map((h) => `${point} <@ ${polygon(h)}`).join(' or ')}))`;
  });
  return `(${pointInBox(params, point, bboxOf(area))} and (${parts.join(' or ')}))`;
}
