/** GET /local-agreements: the timeline, every agreement the caller may see with its evacuations, by the day concluded; of one zone when asked. */
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listLocalAgreements(
  ctx: AppContext,
  caller: Caller | null,
  filter: { zone?: string | undefined },
): Promise<localAgreements.LocalAgreementRead[]> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => localAgreements.list(sql, filter));
}
