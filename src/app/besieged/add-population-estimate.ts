/**
 * POST /besieged-areas/{id}/estimates and POST /besieged-areas/overall/estimates
 * (besieged:count): a population estimate, by its day and its source. Estimates are never changed
 * or removed: a new one is a new version beside the others, and a correction is one more. An
 * area's estimate carries the area's classification (whoever sees the area sees its figures); an
 * overall estimate (every besieged location together) is classified as given, public by default.
 */
import { randomUUID } from 'node:crypto';
import type { Classification } from '../../contract/access.ts';
import * as besieged from '../../store/besieged.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { writeWorld } from '../shared/write-world.ts';
import { areaChange, estimateView, lockVisibleArea } from './besieged-access.ts';

export interface EstimateInput {
  asOf: string;
  population: number;
  /** An overall estimate: how many locations it counts. */
  locations: number | null;
  source: string;
  note: string;
  /** An overall estimate's; an area's estimate takes the area's. */
  classification: Classification;
}

export async function addPopulationEstimate(
  ctx: AppContext,
  caller: Caller | null,
  areaId: string | null,
  input: EstimateInput,
): Promise<besieged.EstimateRecord> {
  const by = requirePermission(caller, 'besieged:count');
  if (areaId !== null && input.locations !== null)
    throw invalid('locations', 'locations: only an overall estimate counts locations');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const area = areaId === null ? null : await lockVisibleArea(tx, by, areaId);
    const estimate: besieged.EstimateRecord = {
      id: `estimate-${randomUUID()}`,
      areaId,
      asOf: input.asOf,
      population: input.population,
      locations: input.locations,
      source: input.source,
      note: input.note,
      classification: area ? area.classification : input.classification,
      ownerOrg: area ? area.ownerOrg : by.orgId,
      recordedAt: ctx.now(),
      recordedBy: by.username,
    };
    await besieged.insertEstimate(tx, estimate);
    return {
      value: estimate,
      audit: [
        area
          ? areaChange('add-estimate', area, null, estimateView(estimate))
          : {
              action: 'create',
              entity: 'population_estimate',
              entityId: estimate.id,
              classification: estimate.classification,
              ownerOrg: estimate.ownerOrg,
              after: estimateView(estimate),
            },
      ],
    };
  });
  return value;
}
