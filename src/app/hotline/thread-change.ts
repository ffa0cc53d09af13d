/** What every hotline use case shares: finding a thread as the caller, its audit entry, its live event. */
import * as hotline from '../../store/hotline.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';

/**
 * The thread as the caller sees it, locked for the change. A thread the caller may not see is not
 * found (404, never 403): whether it exists is not the caller's to know.
 */
export async function lockVisibleThread(tx: Sql, c: Caller, id: string): Promise<hotline.HotlineThread> {
  const thread = await readWithin(tx, readerOf(c), (sql) => hotline.get(sql, id));
  if (!thread) throw notFound('hotline thread', id);
  await hotline.lock(tx, id);
  return thread;
}

/** An audit entry of a thread: seen by whoever may see the thread and the records it links. */
export const threadChange = (action: string, thread: { id: string; links: string[] }, after: object): Change => ({
  action,
  entity: 'hotline_thread',
  entityId: thread.id,
  after: { ...after, links: thread.links },
});

/** Tells live readers the thread changed; each is sent it only if it may see it (live-events.ts). */
export function announce(
  ctx: AppContext,
  id: string,
  type: 'hotline.updated' | 'hotline.escalated' = 'hotline.updated',
) {
  ctx.events.publish({ type, entity: 'hotline_thread', id, at: ctx.now() });
}
