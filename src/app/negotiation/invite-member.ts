/**
 * POST /negotiation-rooms/{id}/members: a member co-chair invites an organization into the room
 * (negotiation:write). From then on it sees the room, its draft, positions and proposals.
 */
import * as accounts from '../../store/account.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists, invalid } from '../errors.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditRoom, lockMemberRoom, requireCoChair } from './room-access.ts';

export async function inviteMember(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  orgId: string,
): Promise<rooms.RoomRecord> {
  const by = requirePermission(caller, 'negotiation:write');
  await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    requireCoChair(by, 'invite');
    if (!(await accounts.getOrg(tx, orgId))) throw invalid('org', `no organization "${orgId}"`);
    if (room.members.some((m) => m.orgId === orgId)) throw exists('organization', orgId, 'org');
    await rooms.insertMember(tx, roomId, orgId, by.username, ctx.now());
    return { value: null, audit: [auditRoom('invite', room, { org: orgId })] };
  });
  announce(ctx, roomId);
  return (await asReader(ctx.db, readerOf(by), (sql) => rooms.get(sql, roomId)))!;
}
