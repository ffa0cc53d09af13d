/**
 * PATCH /operations/{id}: the declaring organization changes its notice's area, radius or window
 * (operation:declare); the notice is checked again at once and its stored conflicts replaced (the
 * replaced ones kept, closed as `rechecked`), in the same transaction.
 */
import type { Operation } from '../../domain/model.ts';
import * as conflicts from '../../store/conflict.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { OperationRead } from '../plans/create-operation.ts';
import { judgeOperation } from '../plans/judge-operation.ts';
import { announceNotices, checkNotice } from '../shared/deconfliction.ts';
import { requireAfter } from '../shared/references.ts';
import { writeWorld } from '../shared/write-world.ts';
import { auditNotice, lockOwnNotice } from './notice-access.ts';

export type NoticeChange = Partial<Pick<Operation, 'area' | 'radiusM' | 'window'>>;

export async function changeNotice(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  change: NoticeChange,
): Promise<OperationRead> {
  const by = requirePermission(caller, 'operation:declare');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const before = await lockOwnNotice(tx, by, id);
    const after: plans.OperationRecord = {
      ...before,
      area: change.area ?? before.area,
      radiusM: change.radiusM ?? before.radiusM,
      window: change.window ?? before.window,
    };
    requireAfter('window.to', after.window.from, after.window.to);
    await plans.updateOperationReach(tx, id, after);
    await checkNotice(tx, after, by.userId);
    const reader = readerOf(by);
    return {
      value: {
        operation: after,
        deconfliction: await judgeOperation(tx, reader, after),
        conflicts: await readWithin(tx, reader, (sql) => conflicts.listOpen(sql, [id])),
      },
      audit: [auditNotice('update', before, after)],
    };
  });
  announceNotices(ctx, [id]);
  return value;
}
