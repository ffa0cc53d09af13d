/** GET /agreements: the agreements the caller may see, with the clauses it may see. */
import type { AgreementFilter } from '../../contract/lists.ts';
import type { Page, PageRequest } from '../../contract/paging.ts';
import * as agreements from '../../store/agreement.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listAgreements(
  ctx: AppContext,
  caller: Caller | null,
  filter: AgreementFilter,
  page: PageRequest,
): Promise<Page<agreements.AgreementRecord>> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => agreements.listPage(sql, filter, page));
}
