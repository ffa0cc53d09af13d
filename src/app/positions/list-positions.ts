/** GET /positions: those the caller may see (its organization's own, or shared with it), newest first. */
import type { Page, PageRequest } from '../../contract/paging.ts';
import * as positions from '../../store/position.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listPositions(
  ctx: AppContext,
  caller: Caller | null,
  box: 'own' | 'shared' | undefined,
  page: PageRequest,
): Promise<Page<positions.PositionRecord>> {
  const by = requireCaller(caller);
  return asReader(ctx.db, readerOf(by), (sql) => positions.listPage(sql, { box, orgId: by.orgId }, page));
}
