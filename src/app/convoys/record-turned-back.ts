/**
 * POST /convoy-requests/{id}/turn-back: the organizer's organization says its convoy was turned
 * back (convoy:organize): when, where, by whom and why. In the same transaction an access
 * constraint is recorded, linked to the request: an incident of act `access_denial` (category:
 * restriction of movement, unless told otherwise), judged against the agreements.
 */
import type { Classification } from '../../contract/access.ts';
import { type AccessCategory, TURNED_BACK_CATEGORY } from '../../contract/access-constraints.ts';
import type * as requests from '../../store/convoy-request.repository.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import {
  linkAccessIncident,
  publishAccessIncident,
  type WrittenIncident,
  writeAccessIncident,
} from './access-incident.ts';
import { stepTime } from './convoy-request-access.ts';
import { takeStep } from './take-step.ts';

export interface ConvoyStoppedInput {
  at?: number | undefined;
  location: { lon: number; lat: number };
  by: string | null;
  reason: string;
  category?: AccessCategory | undefined;
  classification?: Classification | undefined;
  /** An access incident already recorded to link instead of recording a new one. */
  incident?: string | undefined;
}

export function recordTurnedBack(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: ConvoyStoppedInput,
): Promise<requests.ConvoyRequestRecord> {
  return recordStopped(ctx, caller, id, 'turn_back', TURNED_BACK_CATEGORY, input);
}

/**
 * A convoy stopped on its way (turned back, or attacked: `killed` given): the step, and in the same
 * transaction the access incident it makes, recorded or an earlier one linked, announced after.
 */
export async function recordStopped(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  step: 'turn_back' | 'report_attack',
  defaultCategory: AccessCategory,
  input: ConvoyStoppedInput,
  attack?: { killed: number | null },
): Promise<requests.ConvoyRequestRecord> {
  const at = stepTime('at', input.at, ctx.now());
  let incident: WrittenIncident | null = null;
  const record = await takeStep(ctx, caller, id, step, at, async (tx, _before, by) => {
    const category = input.category ?? defaultCategory;
    incident = input.incident
      ? await linkAccessIncident(tx, by, ctx.now(), input.incident, category)
      : await writeAccessIncident(tx, by, ctx.now(), {
          at,
          location: input.location,
          by: input.by,
          category,
          classification: input.classification ?? 'task_force',
          killed: attack?.killed,
        });
    return {
      details: { location: input.location, by: input.by, reason: input.reason, category, ...attack },
      incidentId: incident.id,
    };
  });
  publishAccessIncident(ctx, incident);
  return record;
}
