/** GET /positions/{id}: one position, for its owner organization and its recipients; anyone else (the secretariat too, unless named): 404. */
import * as positions from '../../store/position.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getPosition(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<positions.PositionRecord> {
  const found = await asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => positions.get(sql, id));
  if (!found) throw notFound('record', id);
  return found;
}
