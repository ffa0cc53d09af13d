/** GET /zones/{id}: the geometry and the whole control history. */
import { asReader } from '../../store/reader.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

// The record this use case gives, for the routes that describe it (they do not import the store).
export type { ZoneRecord } from '../../store/zone.repository.ts';

export async function getZone(ctx: AppContext, caller: Caller | null, id: string): Promise<zones.ZoneRecord> {
  const zone = await asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => zones.getRecord(sql, id));
  if (!zone) throw notFound('zone', id);
  return zone;
}
