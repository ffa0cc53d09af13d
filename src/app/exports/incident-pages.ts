/**
 * The incidents of an export, a page at a time, as the reader: each page is its own read
 * (`asReader`), so row-level security decides what is in it, no transaction or connection is held
 * while the client reads, and a slow client holds nothing but the page it is being sent. Pages
 * follow one another by keyset (the list's sort, then the id), so that an incident that exists
 * throughout is written once, whatever is written meanwhile.
 */
import type { IncidentFilter, IncidentSort } from '../../contract/lists.ts';
import type { Cursor } from '../../contract/paging.ts';
import type { ExportedIncident } from '../../ingest/exports/exported-incident.ts';
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { whereView } from '../map/where.ts';

/**
 * Rows per read: enough that a page's round trip is little of its time, few enough that what is
 * in flight (this page and the next) dies young: at 2,000 the server's peak memory during an
 * export of 100,000 was some 45 MB higher, at the same speed.
 */
export const EXPORT_PAGE_SIZE = 500;

export interface IncidentPage {
  items: ExportedIncident[];
  /** Where the next page starts; null after the last. */
  next: Cursor | null;
}

/** One page of the incidents the caller may see that match, after `after`. */
export async function readIncidentPage(
  ctx: AppContext,
  caller: Caller,
  filter: IncidentFilter,
  sort: IncidentSort,
  after: Cursor | null,
  limit = EXPORT_PAGE_SIZE,
): Promise<IncidentPage> {
  const page = await asReader(ctx.db, readerOf(caller), (sql) =>
    incidents.listExportPage(sql, filter, sort, { limit, after }),
  );
  // Each row is given its place for people where it is (a new object of 30 fields would cost more).
  const items = page.items as (incidents.IncidentExportRow & { where?: ExportedIncident['where'] })[];
  for (const r of items) r.where = whereView(r.lon, r.lat);
  return { items: items as ExportedIncident[], next: page.next };
}

/**
 * Every page, the first one given (read before the answer starts, so that its failure is an error
 * status). The next page is read while this one is written: the database and this process work
 * at once, and at most one page waits beyond the one being written.
 */
export async function* followingPages(
  ctx: AppContext,
  caller: Caller,
  filter: IncidentFilter,
  sort: IncidentSort,
  first: IncidentPage,
): AsyncGenerator<ExportedIncident[]> {
  let page = first;
  for (;;) {
    const next = page.next === null ? null : readIncidentPage(ctx, caller, filter, sort, page.next);
    // A client gone meanwhile leaves it unread: its failure then is nobody's.
    next?.catch(() => undefined);
    yield page.items;
    if (next === null) return;
    page = await next;
  }
}
