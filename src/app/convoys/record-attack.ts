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
import { type ConvoyStoppedInput, recordStopped } from './record-turned-back.ts';

export function recordAttack(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: ConvoyStoppedInput & { killed?: number | null | undefined },
): Promise<requests.ConvoyRequestRecord> {
  return recordStopped(ctx, caller, id, 'report_attack', ATTACKED_CATEGORY, input, { killed: input.killed ?? null });
}
