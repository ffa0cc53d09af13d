/**
 * GET /findings: the current findings the caller may see, by kind, agreement, verdict, violator,
 * subject and time; a territory finding with the local agreement its change came by, when the
 * caller may see one.
 */
import type { FindingFilter } from '../../contract/lists.ts';
import type { Page, PageRequest } from '../../contract/paging.ts';
import * as findings from '../../store/finding.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { type WithLocalAgreement, withLocalAgreements } from './by-local-agreement.ts';

export async function searchFindings(
  ctx: AppContext,
  caller: Caller | null,
  filter: FindingFilter,
  sort: 'at' | '-at',
  page: PageRequest,
): Promise<Page<WithLocalAgreement<findings.StoredFinding>>> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), async (sql) => {
    const found = await findings.listPage(sql, filter, sort === '-at', page);
    return { ...found, items: await withLocalAgreements(sql, found.items) };
  });
}
