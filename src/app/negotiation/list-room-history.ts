/**
 * GET /negotiation-rooms/{id}/versions, /clauses/{clauseId}/versions and /clauses/{clauseId}/positions:
 * every version of the draft's clauses (the web app diffs any two, of a clause or of the whole
 * draft at two revisions) and every position taken, as a member sees them; anyone else: 404.
 */
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

async function inRoom<T>(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  clauseId: string | undefined,
  fn: (sql: Sql) => Promise<T>,
): Promise<T> {
  const by = requireCaller(caller);
  return asReader(ctx.db, readerOf(by), async (sql) => {
    if (!(await rooms.get(sql, roomId))) throw notFound('negotiation room', roomId);
    if (clauseId !== undefined && !(await rooms.getClause(sql, roomId, clauseId)))
      throw notFound('room clause', clauseId);
    return fn(sql);
  });
}

export const listRoomVersions = (ctx: AppContext, caller: Caller | null, roomId: string, clauseId?: string) =>
  inRoom(ctx, caller, roomId, clauseId, (sql) => rooms.listVersions(sql, roomId, clauseId));

export const listClausePositions = (ctx: AppContext, caller: Caller | null, roomId: string, clauseId: string) =>
  inRoom(ctx, caller, roomId, clauseId, (sql) => rooms.listPositions(sql, roomId, clauseId));
