/** A message appended to a thread's timeline by one of its parties or the secretariat; not once it is resolved. */
import type * as hotline from '../../store/hotline.repository.ts';
import { appendEntry } from '../../store/hotline.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { getThread, type ThreadWithTimeline } from './get-thread.ts';
import { announce, lockVisibleThread, threadChange } from './thread-change.ts';

export async function postMessage(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  body: string,
): Promise<ThreadWithTimeline> {
  const c = requirePermission(caller, 'hotline:write');
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const thread: hotline.HotlineThread = await lockVisibleThread(tx, c, id);
    if (thread.resolvedAt !== null) throw new AppError('CONFLICT', 'the thread is resolved');
    await appendEntry(tx, id, 'message', c.orgId, c.userId, body);
    await audit(tx, c, at, [threadChange('hotline-message', thread, { message: body })]);
  });
  ctx.wrote();
  announce(ctx, id);
  return getThread(ctx, c, id);
}
