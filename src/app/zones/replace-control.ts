/** PUT /zones/{id}/control: the zone's control history replaced whole (corrections). */
import { readWithin } from '../../store/reader-within.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { ControlHistoryInput } from '../shared/inputs.ts';
import { controlRecordOf } from './control-input.ts';
import { saveZoneChange } from './save-zone-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function replaceControl(
  ctx: AppContext,
  caller: Caller | null,
  zoneId: string,
  input: ControlHistoryInput,
  options: WriteOptions = {},
): Promise<Written<zones.ZoneRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  const control = input.control.map(controlRecordOf);
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      if (!(await readWithin(tx, reader, (sql) => zones.getRecord(sql, zoneId)))) throw notFound('zone', zoneId);
      await zones.lock(tx, zoneId);
      const stored = (await zones.getRecord(tx, zoneId))!;
      return saveZoneChange(tx, by, reader, stored, { ...stored, control }, 'replace-control');
    },
    options,
  );
}
