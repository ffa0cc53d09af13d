/** GET /agreements/{id}: parties, exclusions, prohibited acts, periods, and the clauses the caller may see. */
import * as agreements from '../../store/agreement.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

// The record this use case gives, for the routes that describe it (they do not import the store).
export type { AgreementRecord } from '../../store/agreement.repository.ts';

export async function getAgreement(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<agreements.AgreementRecord> {
  const agreement = await asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => agreements.getRecord(sql, id));
  if (!agreement) throw notFound('agreement', id);
  return agreement;
}
