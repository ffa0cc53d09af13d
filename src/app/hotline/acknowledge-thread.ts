/**
 * A recipient organization acknowledges a thread: one action, once. Only a recipient acknowledges;
 * acknowledging again changes nothing and says so.
 */
import * as hotline from '../../store/hotline.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { getThread, type ThreadWithTimeline } from './get-thread.ts';
import { announce, lockVisibleThread, threadChange } from './thread-change.ts';

export async function acknowledgeThread(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<ThreadWithTimeline> {
  const c = requirePermission(caller, 'hotline:write');
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const thread = await lockVisibleThread(tx, c, id);
    if (!thread.recipients.some((r) => r.org === c.orgId))
      throw forbidden('only the organizations a thread was sent to acknowledge it');
    if (!(await hotline.acknowledge(tx, id, c.orgId, c.userId)))
      throw new AppError('CONFLICT', 'your organization has acknowledged this thread already');
    await hotline.appendEntry(tx, id, 'acknowledged', c.orgId, c.userId, null);
    await audit(tx, c, at, [threadChange('acknowledge-hotline-thread', thread, { org: c.orgId })]);
  });
  ctx.wrote();
  announce(ctx, id);
  return getThread(ctx, c, id);
}
