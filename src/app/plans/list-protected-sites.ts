/** GET /protected-sites: by owner, kind and validity, a page at a time. */
import type { PlanFilter } from '../../contract/lists.ts';
import type { Page, PageRequest } from '../../contract/paging.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listProtectedSites(
  ctx: AppContext,
  caller: Caller | null,
  filter: PlanFilter,
  page: PageRequest,
): Promise<Page<plans.SiteRecord>> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => plans.listProtectedSitePage(sql, filter, page));
}
