/**
 * POST /convoy-requests/{id}/deliver: the organizer's organization records the delivery, line by
 * line (convoy:organize): for each cargo line what was delivered and what was removed on the way,
 * by whom and why; and the beneficiaries reached. A line cannot account for more than was asked.
 */
import * as requests from '../../store/convoy-request.repository.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { requireKnownActors } from '../shared/references.ts';
import { stepTime } from './convoy-request-access.ts';
import { takeStep } from './take-step.ts';

export interface DeliveryLine {
  delivered: number;
  removed: number;
  removedBy: string | null;
  removalReason: string;
}

export interface DeliveryInput {
  at?: number | undefined;
  beneficiariesReached: number;
  lines: DeliveryLine[];
}

export async function recordDelivery(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: DeliveryInput,
): Promise<requests.ConvoyRequestRecord> {
  const at = stepTime('at', input.at, ctx.now());
  return takeStep(ctx, caller, id, 'deliver', at, async (tx, before) => {
    if (input.lines.length !== before.cargo.length)
      throw invalid('lines', `lines: one for each of the ${before.cargo.length} cargo lines, in their order`);
    for (const [i, l] of input.lines.entries()) {
      const line = before.cargo[i]!;
      if (l.delivered + l.removed > line.quantity)
        throw invalid(
          `lines[${i}].delivered`,
          `lines[${i}]: ${l.delivered} delivered and ${l.removed} removed is more than the ${line.quantity} ${line.unit} of ${line.item}`,
        );
      if (l.removed === 0 && l.removedBy !== null)
        throw invalid(`lines[${i}].removed_by`, `lines[${i}].removed_by: nothing was removed from this line`);
    }
    await requireKnownActors(
      tx,
      input.lines.flatMap((l, i) =>
        l.removedBy === null ? [] : [{ path: `lines[${i}].removed_by`, id: l.removedBy }],
      ),
    );
    await requests.recordDelivery(
      tx,
      id,
      input.lines.map((l) => ({
        delivered: l.delivered,
        removed: l.removed,
        removedBy: l.removedBy,
        removalReason: l.removalReason === '' ? null : l.removalReason,
      })),
      input.beneficiariesReached,
    );
    return {
      details: {
        beneficiaries_reached: input.beneficiariesReached,
        lines: input.lines.map((l) => ({
          delivered: l.delivered,
          removed: l.removed,
          removed_by: l.removedBy,
          removal_reason: l.removalReason,
        })),
      },
    };
  });
}
