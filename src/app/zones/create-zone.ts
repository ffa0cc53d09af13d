/** POST /zones: a zone with its geometry and (optionally) its control history; `?dry_run=true` says what it would judge. */
import { randomUUID } from 'node:crypto';
import type * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { NewZone } from '../shared/inputs.ts';
import { controlRecordOf } from './control-input.ts';
import { saveZoneChange } from './save-zone-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function createZone(
  ctx: AppContext,
  caller: Caller | null,
  input: NewZone,
  options: WriteOptions = {},
): Promise<Written<zones.ZoneRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const zone: zones.ZoneRecord = {
    id: `zone-${randomUUID()}`,
    name: input.name,
    ...(input.name_ar ? { nameAr: input.name_ar } : {}),
    geometry: input.geometry,
    control: input.control.map(controlRecordOf),
    classification: input.classification,
    ownerOrg: by.orgId,
  };
  return writeWorld(ctx, by, (tx) => saveZoneChange(tx, by, readerOf(by), null, zone, 'create'), options);
}
