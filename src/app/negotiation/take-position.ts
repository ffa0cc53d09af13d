/**
 * POST /negotiation-rooms/{id}/clauses/{clauseId}/positions: a member organization takes a
 * position on a clause (negotiation:write): agreed, open or a sticking point, with a comment and
 * the wording it proposes. Its earlier positions are kept; the newest is its position. Answers the
 * clause's positions, oldest first.
 */
import type { Stance } from '../../contract/negotiation.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditRoom, lockMemberRoom, requireClause } from './room-access.ts';

export interface PositionInput {
  stance: Stance;
  comment: string;
  proposedWording: string | null;
}

export async function takePosition(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  clauseId: string,
  input: PositionInput,
): Promise<rooms.PositionRecord[]> {
  const by = requirePermission(caller, 'negotiation:write');
  await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    const clause = await requireClause(tx, roomId, clauseId);
    await rooms.insertPosition(tx, {
      clauseId,
      orgId: by.orgId,
      ...input,
      clauseVersion: clause.current.version,
      takenBy: by.username,
      at: ctx.now(),
    });
    return {
      value: null,
      audit: [
        auditRoom('take-position', room, {
          clause: clauseId,
          version: clause.current.version,
          org: by.orgId,
          stance: input.stance,
          comment: input.comment,
          proposed_wording: input.proposedWording,
        }),
      ],
    };
  });
  announce(ctx, roomId);
  return asReader(ctx.db, readerOf(by), (sql) => rooms.listPositions(sql, roomId, clauseId));
}
