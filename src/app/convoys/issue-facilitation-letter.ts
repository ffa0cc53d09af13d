/**
 * POST /convoy-requests/{id}/letter: the secretariat records the facilitation letter of an approved
 * or partly approved request (convoy:facilitate): when it was issued, its reference, and the party
 * that issued it (in 2016 the government's, after its approval in principle). The convoy may then
 * be dispatched.
 */
import type * as requests from '../../store/convoy-request.repository.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { requireKnownActors } from '../shared/references.ts';
import { stepTime } from './convoy-request-access.ts';
import { takeStep } from './take-step.ts';

export interface LetterInput {
  issuedAt?: number | undefined;
  reference: string;
  /** The party that issued it; null when not said. */
  issuedBy: string | null;
}

export async function issueFacilitationLetter(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: LetterInput,
): Promise<requests.ConvoyRequestRecord> {
  const at = stepTime('issued_at', input.issuedAt, ctx.now());
  return takeStep(ctx, caller, id, 'issue_letter', at, async (tx) => {
    if (input.issuedBy !== null) await requireKnownActors(tx, [{ path: 'issued_by', id: input.issuedBy }]);
    return { details: { reference: input.reference, issued_by: input.issuedBy } };
  });
}
