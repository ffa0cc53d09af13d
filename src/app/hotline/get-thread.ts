/** One thread with its whole timeline, as the caller may see it; one the caller may not see is not found. */
import * as hotline from '../../store/hotline.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export interface ThreadWithTimeline extends hotline.HotlineThread {
  timeline: hotline.HotlineEntry[];
}

export async function getThread(ctx: AppContext, caller: Caller | null, id: string): Promise<ThreadWithTimeline> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), async (sql) => {
    const thread = await hotline.get(sql, id);
    if (!thread) throw notFound('hotline thread', id);
    return { ...thread, timeline: await hotline.entries(sql, id) };
  });
}
