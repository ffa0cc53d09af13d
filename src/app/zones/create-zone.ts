/** POST /zones: a zone with its geometry and (optionally) its control history. */
import { toZone } from '../../scenario/convert.ts';
import { randomUUID } from 'node:crypto';
import type * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { NewZone } from '../shared/inputs.ts';
import { saveZoneChange } from './save-zone-change.ts';
import { writeWorld, type Written } from '../shared/write-world.ts';

export async function createZone(
  ctx: AppContext,
  caller: Caller | null,
  input: NewZone,
): Promise<Written<zones.ZoneRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const zone: zones.ZoneRecord = {
    ...toZone({ ...input, id: `zone-${randomUUID()}` }),
    classification: input.classification,
    ownerOrg: by.orgId,
  };
  return writeWorld(ctx, by, (tx) => saveZoneChange(tx, by, readerOf(by), null, zone, 'create'));
}
