/**
 * Small helpers for the repositories' list queries: numbered parameters, keyset pagination
 * (a page is the rows after a cursor: the sort key and id of the last row seen), ILIKE patterns.
 */

import type { Cursor, Page, PageRequest } from '../contract/paging.ts';

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
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
