/** Reports as the caller may see them: filtered, sorted, a page at a time, and counted. */
import type { ReportFilter, ReportSort } from '../../contract/lists.ts';
import { type Count, COUNT_UP_TO, countOf, type Page, type PageRequest } from '../../contract/paging.ts';
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listReports(
  ctx: AppContext,
  caller: Caller | null,
  filter: ReportFilter,
  sort: ReportSort,
  page: PageRequest,
): Promise<Page<reports.ReportRecord>> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), (sql) => reports.listPage(sql, filter, sort, page));
}

/** How many match: exactly up to COUNT_UP_TO, "more" beyond. */
export async function countReports(ctx: AppContext, caller: Caller | null, filter: ReportFilter): Promise<Count> {
  const c = requireCaller(caller);
  return countOf(await asReader(ctx.db, readerOf(c), (sql) => reports.count(sql, filter, COUNT_UP_TO + 1)));
}
