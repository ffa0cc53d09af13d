/** GET /local-agreements/{id}: the agreement with its parties and evacuations; 404 for one the caller may not see. */
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getLocalAgreement(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<localAgreements.LocalAgreementRead> {
  const found = await asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => localAgreements.get(sql, id));
  if (!found) throw notFound('local agreement', id);
  return found;
}
