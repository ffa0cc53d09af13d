/**
 * POST /positions: an organization records one of its own positions (troops, advisers, an
 * observation post, a headquarters) and names the organizations it shares it with
 * (position:manage). Seen by them and by no one else, the secretariat included unless named. It
 * is checked at once against the operation notices in force, in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import * as positions from '../../store/position.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { announceNotices, checkTarget } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditChange, requireRecipients, requireValid } from './position-access.ts';

export type PositionInput = positions.PositionChange;

export async function recordPosition(
  ctx: AppContext,
  caller: Caller | null,
  input: PositionInput,
): Promise<positions.PositionRecord> {
  const by = requirePermission(caller, 'position:manage');
  requireValid(input.valid);
  const at = ctx.now();
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const p: positions.PositionRecord = {
      ...input,
      id: `pos-${randomUUID()}`,
      ownerOrg: by.orgId,
      recipients: await requireRecipients(tx, by, input.recipients),
      createdAt: at,
      createdBy: by.username,
      updatedAt: at,
      withdrawnAt: null,
      withdrawnBy: null,
    };
    await positions.insert(tx, p);
    const notices = await checkTarget(tx, { kind: 'position', record: p });
    return { value: { position: p, notices }, audit: [auditChange('record', null, p)] };
  });
  announce(ctx, value.position.id);
  announceNotices(ctx, value.notices);
  return value.position;
}
