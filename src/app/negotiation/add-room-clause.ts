/**
 * POST /negotiation-rooms/{id}/clauses: a member adds a clause to the draft (negotiation:write);
 * its first version is the next revision of the draft.
 */
import { randomUUID } from 'node:crypto';
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import type { ClauseInput } from './clause-input.ts';
import { announce, auditRoom, lockMemberRoom } from './room-access.ts';

export async function addRoomClause(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  input: ClauseInput,
): Promise<rooms.ClauseRecord> {
  const by = requirePermission(caller, 'negotiation:write');
  const id = `clause-${randomUUID()}`;
  const at = ctx.now();
  await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    await rooms.insertClause(tx, roomId, id, at);
    const revision = await rooms.nextRevision(tx, roomId);
    await rooms.insertVersion(tx, {
      clauseId: id,
      version: 1,
      revision,
      ...input,
      authorOrg: by.orgId,
      author: by.username,
      at,
    });
    return { value: null, audit: [auditRoom('add-clause', room, { clause: id, version: 1, ...input })] };
  });
  announce(ctx, roomId);
  return (await asReader(ctx.db, readerOf(by), (sql) => rooms.getClause(sql, roomId, id)))!;
}
