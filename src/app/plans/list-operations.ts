/** GET /operations: by actor, kind and window, a page at a time. */
import type { PlanFilter } from '../../contract/lists.ts';
import type { Page, PageRequest } from '../../contract/paging.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listOperations(
  ctx: AppContext,
  caller: Caller | null,
  filter: PlanFilter,
  page: PageRequest,
): Promise<Page<plans.OperationRecord>> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => plans.listOperationPage(sql, filter, page));
}
