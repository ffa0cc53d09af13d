/**
 * GET /zones?as_of=: each zone with its controllers and status at that instant (now by
 * default), filtered by box, status and controller. Zones are few (hundreds), and their status
 * is computed, so the filtering and paging happen here rather than in SQL.
 */
import type { Page, PageRequest } from '../../contract/paging.ts';
import type { BBox } from '../../domain/geo.ts';
import { compareIds } from '../../domain/rulebook.ts';
import type { Instant } from '../../domain/time.ts';
import type { ZoneStatus } from '../../domain/zone-status.ts';
import { takePage } from '../../store/query.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { type ZoneAsOf, zonesAsOf } from './zones-as-of.ts';

export interface ZoneFilter {
  asOf?: Instant | undefined;
  bbox?: BBox | undefined;
  status?: ZoneStatus | undefined;
  /** Zones this actor held at the instant. */
  controller?: string | undefined;
}

export async function listZones(
  ctx: AppContext,
  caller: Caller | null,
  filter: ZoneFilter,
  page: PageRequest,
): Promise<Page<ZoneAsOf> & { asOf: Instant }> {
  const reader = readerOf(requireCaller(caller));
  const asOf = filter.asOf ?? ctx.now();
  const zones = await asReader(ctx.db, reader, (sql) => zonesAsOf(sql, asOf, filter.bbox));
  const after = page.after?.[0];
  // In id order by code unit (as the cursor compares), whatever the database's collation.
  const chosen = zones
    .sort((a, b) => compareIds(a.zone.id, b.zone.id))
    .filter(
      (z) =>
        (filter.status === undefined || z.status === filter.status) &&
        (filter.controller === undefined || z.controllers.includes(filter.controller)) &&
        (after === undefined || z.zone.id > String(after)),
    );
  return { ...takePage(chosen, page, (z) => [z.zone.id]), asOf };
}
