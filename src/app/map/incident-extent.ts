/** When the incidents the caller may see begin and end: the range of the map's date slider. */
import * as mapStore from '../../store/map.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface IncidentExtent {
  /** Null when not asked for. */
  count: number | null;
  first: string | null;
  last: string | null;
}

export async function getIncidentExtent(
  ctx: AppContext,
  caller: Caller | null,
  options = { count: true },
): Promise<IncidentExtent> {
  const row = await asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => mapStore.incidentExtent(sql, options));
  return {
    count: row.n,
    first: row.first ? new Date(row.first).toISOString() : null,
    last: row.last ? new Date(row.last).toISOString() : null,
  };
}
