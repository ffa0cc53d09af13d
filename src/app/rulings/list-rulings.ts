/** Rulings as the caller may see them: those of a status, oldest first, or those awaiting one organization's approval. */
import { asReader } from '../../store/reader.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export type { Ruling, RuledVerdict, RulingStatus } from '../../store/ruling.repository.ts';
export { RULING_STATUSES } from '../../store/ruling.repository.ts';

export async function listRulings(
  ctx: AppContext,
  caller: Caller | null,
  filter: { status: rulings.RulingStatus; awaiting?: string | undefined; limit: number },
): Promise<rulings.Ruling[]> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), (sql) => rulings.list(sql, filter));
}
