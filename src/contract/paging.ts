/** Pages of a list: keyset pagination, a page is the rows after a cursor (the sort key and id of the last row seen). */

/** The sort key and id of the last row of a page. */
export type Cursor = readonly (string | number)[];

export interface PageRequest {
  limit: number;
  after: Cursor | null;
}

/**
 * How far a list's count goes: exactly up to here, and "more than" beyond. Counting every one of
 * hundreds of thousands of records under row-level security takes seconds; the number a person
 * needs past this is only that there are more, and the filters to narrow them.
 */
export const COUNT_UP_TO = 10_000;

/** How many records match: exact, or (`more`) at least `count` and more. */
export interface Count {
  count: number;
  more: boolean;
}

/** A count read as up to `upTo + 1` rows: exact up to `upTo`, else "more than `upTo`". */
export const countOf = (counted: number, upTo = COUNT_UP_TO): Count =>
  counted > upTo ? { count: upTo, more: true } : { count: counted, more: false };

export interface Page<T> {
  items: T[];
  /** The cursor for the next page; null on the last page. */
  next: Cursor | null;
}
