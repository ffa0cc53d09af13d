/** GET /negotiation-rooms: the rooms the caller's organization is a member of (no other is listed, nor counted). */
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listRooms(ctx: AppContext, caller: Caller | null): Promise<rooms.RoomRecord[]> {
  const by = requireCaller(caller);
  return asReader(ctx.db, readerOf(by), (sql) => rooms.list(sql));
}
