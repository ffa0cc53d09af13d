/** GET /convoys: by organizer and window, a page at a time. */
import { type ConvoyRecord, type PlanFilter, searchConvoys } from '../../store/plan.repository.ts';
import type { Page, PageRequest } from '../../store/query.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listConvoys(ctx: AppContext, caller: Caller | null, filter: PlanFilter, page: PageRequest): Promise<Page<ConvoyRecord>> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => searchConvoys(sql, filter, page));
}
