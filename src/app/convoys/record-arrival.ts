/** POST /convoy-requests/{id}/arrive: the organizer's organization says the convoy reached its destinations (convoy:organize). */
import type * as requests from '../../store/convoy-request.repository.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { stepTime } from './convoy-request-access.ts';
import { takeStep } from './take-step.ts';

export async function recordArrival(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: { at?: number | undefined },
): Promise<requests.ConvoyRequestRecord> {
  const at = stepTime('at', input.at, ctx.now());
  return takeStep(ctx, caller, id, 'arrive', at, async () => ({ details: {} }));
}
