/** POST /zones: a zone with its geometry and (optionally) its control history. */
import { toZone } from '../../scenario/convert.ts';
import { zoneExists, type ZoneRecord } from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { NewZone } from './inputs.ts';
import { saveZoneChange } from './save-zone-change.ts';
import { writeWorld, type Written } from './write-world.ts';

export async function createZone(ctx: AppContext, caller: Caller | null, input: NewZone): Promise<Written<ZoneRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const zone: ZoneRecord = { ...toZone(input), classification: input.classification, ownerOrg: by.orgId };
  return writeWorld(ctx, by, async (tx) => {
    if (await zoneExists(tx, zone.id)) throw new AppError('CONFLICT', `zone "${zone.id}" exists already`, 'id');
    return saveZoneChange(tx, by, readerOf(by), null, zone, 'create');
  });
}
