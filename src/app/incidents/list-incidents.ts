/** Incidents as the caller may see them: filtered, sorted, a page at a time, and counted. */
import type { IncidentFilter, IncidentSort } from '../../contract/lists.ts';
import { type Count, COUNT_UP_TO, countOf, type Page, type PageRequest } from '../../contract/paging.ts';
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listIncidents(
  ctx: AppContext,
  caller: Caller | null,
  filter: IncidentFilter,
  sort: IncidentSort,
  page: PageRequest,
): Promise<Page<incidents.IncidentView>> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), (sql) => incidents.listPage(sql, filter, sort, page));
}

/** How many match: exactly up to COUNT_UP_TO, "more" beyond. */
export async function countIncidents(ctx: AppContext, caller: Caller | null, filter: IncidentFilter): Promise<Count> {
  const c = requireCaller(caller);
  return countOf(await asReader(ctx.db, readerOf(c), (sql) => incidents.count(sql, filter, COUNT_UP_TO + 1)));
}
