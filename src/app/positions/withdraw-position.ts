/**
 * POST /positions/{id}/withdraw: the owner organization withdraws its position (position:manage).
 * It is kept, with who withdrew it and when; its conflicts with operation notices are closed.
 */
import * as positions from '../../store/position.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { announceNotices, checkTarget } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditChange, lockOwn } from './position-access.ts';

export async function withdrawPosition(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<positions.PositionRecord> {
  const by = requirePermission(caller, 'position:manage');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const before = await lockOwn(tx, by, id);
    await positions.withdraw(tx, id, by.username);
    const after = (await positions.get(tx, id))!;
    const notices = await checkTarget(tx, { kind: 'position', record: after }, true);
    return { value: { position: after, notices }, audit: [auditChange('withdraw', before, after)] };
  });
  announce(ctx, id);
  announceNotices(ctx, value.notices);
  return value.position;
}
