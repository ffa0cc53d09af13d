/**
 * POST /besieged-areas/{id}/deliveries (besieged:count): aid that reached the area, by day and
 * source; the days without aid count from the last one. Convoy deliveries (the convoy requests of
 * issue 11, another branch) are to be recorded here too once both are merged (docs/access.md).
 */
import { randomUUID } from 'node:crypto';
import * as besieged from '../../store/besieged.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { areaChange, deliveryView, lockVisibleArea } from './besieged-access.ts';

export interface DeliveryInput {
  on: string;
  description: string;
  source: string;
}

export async function recordDelivery(
  ctx: AppContext,
  caller: Caller | null,
  areaId: string,
  input: DeliveryInput,
): Promise<besieged.DeliveryRecord> {
  const by = requirePermission(caller, 'besieged:count');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const area = await lockVisibleArea(tx, by, areaId);
    const delivery: besieged.DeliveryRecord = {
      id: `delivery-${randomUUID()}`,
      areaId,
      on: input.on,
      description: input.description,
      source: input.source,
      recordedAt: ctx.now(),
      recordedBy: by.username,
      convoy: null,
    };
    await besieged.insertDelivery(tx, delivery);
    return { value: delivery, audit: [areaChange('add-delivery', area, null, deliveryView(delivery))] };
  });
  return value;
}
