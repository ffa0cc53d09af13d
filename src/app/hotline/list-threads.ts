/** The threads the caller may see (its organization's, and all of them for the secretariat), open first. */
import * as hotline from '../../store/hotline.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export type { HotlineThread, PartyTimes } from '../../store/hotline.repository.ts';

export async function listThreads(
  ctx: AppContext,
  caller: Caller | null,
  query: { open?: boolean; limit?: number },
): Promise<hotline.HotlineThread[]> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), (sql) => hotline.list(sql, { open: query.open, limit: query.limit ?? 100 }));
}

/** Per recipient organization, time to acknowledge and to resolve, over the threads the caller may see. */
export async function hotlineTimes(ctx: AppContext, caller: Caller | null): Promise<hotline.PartyTimes[]> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), (sql) => hotline.partyTimes(sql));
}
