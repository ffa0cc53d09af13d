/**
 * PUT /zones/{id}/geometry: a zone's area redrawn. Who held the place decides incident findings,
 * and the zone's representative point decides which agreements judge its changes of control, so
 * the findings of incidents in the old or the new area, and the zone's own, are judged again
 * (`?dry_run=true`: how many would change, with nothing saved).
 */
import { readWithin } from '../../store/reader-within.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { ZoneGeometryInput } from '../shared/inputs.ts';
import { saveZoneChange } from './save-zone-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function changeZoneGeometry(
  ctx: AppContext,
  caller: Caller | null,
  zoneId: string,
  input: ZoneGeometryInput,
  options: WriteOptions = {},
): Promise<Written<zones.ZoneRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      if (!(await readWithin(tx, reader, (sql) => zones.getRecord(sql, zoneId)))) throw notFound('zone', zoneId);
      await zones.lock(tx, zoneId);
      const stored = (await zones.getRecord(tx, zoneId))!;
      return saveZoneChange(tx, by, reader, stored, { ...stored, geometry: input.geometry }, 'change-geometry');
    },
    options,
  );
}
