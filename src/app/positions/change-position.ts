/**
 * PATCH /positions/{id}: the owner organization changes its position (its name, kind, place,
 * buffer, validity or recipients; position:manage). It is checked again against the operation
 * notices in force, its conflicts replaced, in the same transaction.
 */
import * as positions from '../../store/position.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { announceNotices, checkTarget } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditChange, lockOwn, requireRecipients, requireValid } from './position-access.ts';

export async function changePosition(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  change: Partial<positions.PositionChange>,
): Promise<positions.PositionRecord> {
  const by = requirePermission(caller, 'position:manage');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const before = await lockOwn(tx, by, id);
    const next: positions.PositionChange = {
      name: change.name ?? before.name,
      kind: change.kind ?? before.kind,
      geometry: change.geometry ?? before.geometry,
      bufferM: change.bufferM ?? before.bufferM,
      valid: change.valid ?? before.valid,
      recipients: change.recipients ? await requireRecipients(tx, by, change.recipients) : before.recipients,
    };
    requireValid(next.valid);
    await positions.update(tx, id, next, ctx.now());
    const after = (await positions.get(tx, id))!;
    const notices = await checkTarget(tx, { kind: 'position', record: after });
    return { value: { position: after, notices }, audit: [auditChange('update', before, after)] };
  });
  announce(ctx, id);
  announceNotices(ctx, value.notices);
  return value.position;
}
