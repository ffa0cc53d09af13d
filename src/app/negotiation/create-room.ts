/**
 * POST /negotiation-rooms: a co-chair organization opens a room to draft an agreement it may see
 * (negotiation:write). Its members are the co-chair organizations; nobody else sees that it exists.
 */
import { randomUUID } from 'node:crypto';
import * as accounts from '../../store/account.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditRoom, requireCoChair } from './room-access.ts';

export interface RoomInput {
  title: string;
  agreementId: string;
}

export async function createRoom(ctx: AppContext, caller: Caller | null, input: RoomInput): Promise<rooms.RoomRecord> {
  const by = requirePermission(caller, 'negotiation:write');
  requireCoChair(by, 'open');
  const id = `room-${randomUUID()}`;
  const at = ctx.now();
  await writeWorld(ctx, by, async (tx) => {
    // An agreement the caller may not see is as unknown as one that does not exist.
    if (!(await readWithin(tx, readerOf(by), (sql) => agreements.getRecord(sql, input.agreementId))))
      throw invalid('agreement_id', `no agreement "${input.agreementId}"`);
    await rooms.insert(tx, {
      id,
      title: input.title,
      agreementId: input.agreementId,
      createdOrg: by.orgId,
      createdBy: by.username,
      at,
    });
    const coChairs = (await accounts.listOrgs(tx)).filter((o) => o.kind === 'co_chair').map((o) => o.id);
    for (const org of new Set([by.orgId, ...coChairs])) await rooms.insertMember(tx, id, org, by.username, at);
    const room = (await rooms.get(tx, id))!;
    return { value: null, audit: [auditRoom('create', room, { members: room.members.map((m) => m.orgId) })] };
  });
  announce(ctx, id);
  return (await asReader(ctx.db, readerOf(by), (sql) => rooms.get(sql, id)))!;
}
