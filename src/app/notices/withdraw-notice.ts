/**
 * POST /operations/{id}/withdraw: the declaring organization withdraws its notice
 * (operation:declare). It is kept, with `withdrawn_at`; its conflicts are closed (`withdrawn`),
 * so that no owner is alerted of it any longer. Again: 409.
 */
import * as plans from '../../store/plan.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { OperationRead } from '../plans/create-operation.ts';
import { announceNotices, checkNotice } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import { auditNotice, lockOwnNotice } from './notice-access.ts';

export async function withdrawNotice(ctx: AppContext, caller: Caller | null, id: string): Promise<OperationRead> {
  const by = requirePermission(caller, 'operation:declare');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const before = await lockOwnNotice(tx, by, id);
    await plans.withdrawOperation(tx, id, by.username);
    const after = (await plans.getOperation(tx, id))!;
    await checkNotice(tx, after);
    return {
      value: { operation: after, deconfliction: { conflicts: [] }, conflicts: [] },
      audit: [auditNotice('withdraw', before, after)],
    };
  });
  announceNotices(ctx, [id]);
  return value;
}
