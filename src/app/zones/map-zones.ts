/** GET /zones.geojson: the zones in a box on a day, for the map: one feature per zone, with its status. */
import type { BBox } from '../../domain/geo.ts';
import type { Instant } from '../../domain/time.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { type ZoneAsOf, zonesAsOf } from './zones-as-of.ts';

export async function mapZones(
  ctx: AppContext,
  caller: Caller | null,
  asOf: Instant | undefined,
  bbox: BBox | undefined,
): Promise<{ asOf: Instant; zones: ZoneAsOf[] }> {
  const reader = readerOf(requireCaller(caller));
  const t = asOf ?? ctx.now();
  return { asOf: t, zones: await asReader(ctx.db, reader, (sql) => zonesAsOf(sql, t, bbox)) };
}
