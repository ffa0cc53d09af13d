/** POST /convoy-requests/{id}/dispatch: the organizer's organization sends the convoy on its way (convoy:organize): when, and how many trucks. */
import type * as requests from '../../store/convoy-request.repository.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { stepTime } from './convoy-request-access.ts';
import { takeStep } from './take-step.ts';

export interface DispatchInput {
  at?: number | undefined;
  trucks: number;
}

export async function dispatchConvoy(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: DispatchInput,
): Promise<requests.ConvoyRequestRecord> {
  const at = stepTime('at', input.at, ctx.now());
  return takeStep(ctx, caller, id, 'dispatch', at, async () => ({ details: { trucks: input.trucks } }));
}
