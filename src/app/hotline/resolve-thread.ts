/** A party to the thread (its opener or a recipient) or the secretariat resolves it: its deadlines stop. */
import { isSecretariat } from '../../contract/hotline.ts';
import * as hotline from '../../store/hotline.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { getThread, type ThreadWithTimeline } from './get-thread.ts';
import { announce, lockVisibleThread, threadChange } from './thread-change.ts';

export async function resolveThread(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  note: string | null,
): Promise<ThreadWithTimeline> {
  const c = requirePermission(caller, 'hotline:write');
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const thread = await lockVisibleThread(tx, c, id);
    const party = thread.openedByOrg === c.orgId || thread.recipients.some((r) => r.org === c.orgId);
    if (!party && !isSecretariat(c))
      throw new AppError('FORBIDDEN', 'only the parties to a thread and the secretariat resolve it');
    if (thread.resolvedAt !== null) throw new AppError('CONFLICT', 'the thread is resolved already');
    await hotline.resolve(tx, id, c.orgId);
    await hotline.appendEntry(tx, id, 'resolved', c.orgId, c.userId, note);
    await audit(tx, c, at, [threadChange('resolve-hotline-thread', thread, { org: c.orgId, note })]);
  });
  ctx.wrote();
  announce(ctx, id);
  return getThread(ctx, c, id);
}
