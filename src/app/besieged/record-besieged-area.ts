/**
 * POST /besieged-areas: a besieged or hard-to-reach area (besieged:manage), its own area or a
 * zone's, with its status from a day and its besiegers. The server chooses its id.
 */
import { randomUUID } from 'node:crypto';
import type { Classification } from '../../contract/access.ts';
import type { Area } from '../../domain/geo.ts';
import * as besieged from '../../store/besieged.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { areaChange, areaView, requireBesiegers, requireVisibleZone } from './besieged-access.ts';

export interface RecordAreaInput {
  name: string;
  nameAr: string | null;
  /** The zone whose area it is; or `geometry`, an area of its own. */
  zoneId: string | null;
  geometry: Area | null;
  classification: Classification;
  status: besieged.StatusRecord;
  besiegers: besieged.BesiegerRecord[];
}

export async function recordBesiegedArea(
  ctx: AppContext,
  caller: Caller | null,
  input: RecordAreaInput,
): Promise<besieged.BesiegedAreaRead> {
  const by = requirePermission(caller, 'besieged:manage');
  const area: besieged.BesiegedAreaRecord = {
    id: `besieged-${randomUUID()}`,
    name: input.name,
    nameAr: input.nameAr,
    zoneId: input.zoneId,
    geometry: input.zoneId === null ? input.geometry : null,
    classification: input.classification,
    ownerOrg: by.orgId,
    statuses: [input.status],
    besiegers: input.besiegers,
  };
  const { value } = await writeWorld(ctx, by, async (tx) => {
    if (area.zoneId !== null) await requireVisibleZone(tx, by, 'zone_id', area.zoneId);
    await requireBesiegers(tx, area.besiegers);
    await besieged.insert(tx, area);
    return {
      value: (await readWithin(tx, readerOf(by), (sql) => besieged.get(sql, area.id)))!,
      audit: [areaChange('create', area, null, areaView(area))],
    };
  });
  return value;
}
