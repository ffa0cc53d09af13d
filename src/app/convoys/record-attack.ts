/**
 * POST /convoy-requests/{id}/attack: the organizer's organization reports its convoy attacked, on
 * the road or while it unloaded (convoy:organize): when, where, by whom if known, what happened
 * and how many were killed. In the same transaction an access constraint is recorded, linked to
 * the request: an incident of act `access_denial` (category: violence against personnel or assets,
 * unless told otherwise), judged against the agreements; with nobody named, it awaits attribution.
 * The attack itself (an air strike, say) may be recorded as an incident of its own by the analysts.
 */
import { ATTACKED_CATEGORY } from '../../contract/access-constraints.ts';
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
import type { ConvoyStoppedInput } from './record-turned-back.ts';
import { takeStep } from './take-step.ts';

export async function recordAttack(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: ConvoyStoppedInput & { killed?: number | null | undefined },
): Promise<requests.ConvoyRequestRecord> {
  const at = stepTime('at', input.at, ctx.now());
  let incident: WrittenIncident | null = null;
  const record = await takeStep(ctx, caller, id, 'report_attack', at, async (tx, _before, by) => {
    const category = input.category ?? ATTACKED_CATEGORY;
    incident = input.incident
      ? await linkAccessIncident(tx, by, ctx.now(), input.incident, category)
      : await writeAccessIncident(tx, by, ctx.now(), {
          at,
          location: input.location,
          by: input.by,
          category,
          classification: input.classification ?? 'task_force',
          killed: input.killed,
        });
    return {
      details: { location: input.location, by: input.by, reason: input.reason, category, killed: input.killed ?? null },
      incidentId: incident.id,
    };
  });
  publishAccessIncident(ctx, incident);
  return record;
}
