/** Pages of a list: keyset pagination, a page is the rows after a cursor (the sort key and id of the last row seen). */

/** The sort key and id of the last row of a page. */
export type Cursor = readonly (string | number)[];

export interface PageRequest {
  limit: number;
  after: Cursor | null;
}

export interface Page<T> {
  items: T[];
  /** The cursor for the next page; null on the last page. */
  next: Cursor | null;
}
