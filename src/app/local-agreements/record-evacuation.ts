/**
 * POST /local-agreements/{id}/evacuations (local_agreement:manage): an evacuation under the
 * agreement: the people moved by category (fighters, civilians, wounded; a total when a source
 * gives only that), from where to where, and its status. Seen with its agreement only.
 */
import { randomUUID } from 'node:crypto';
import type { EvacuationStatus } from '../../domain/siege.ts';
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { writeWorld } from '../shared/write-world.ts';
import { agreementChange, evacuationView, lockVisibleAgreement } from './local-agreement-access.ts';

export interface EvacuationInput {
  status: EvacuationStatus;
  startedOn: string;
  endedOn: string | null;
  fighters: number | null;
  civilians: number | null;
  wounded: number | null;
  total: number | null;
  origins: localAgreements.PlaceRecord[];
  destinations: localAgreements.PlaceRecord[];
  source: string | null;
  note: string;
}

/** The checks a whole evacuation passes, new or changed. */
export function requireEvacuation(e: EvacuationInput): void {
  if (e.endedOn !== null && e.endedOn < e.startedOn)
    throw invalid('ended_on', 'ended_on: must not be before started_on');
  const parts = [e.fighters, e.civilians, e.wounded].filter((n): n is number => n !== null);
  // The wounded may be fighters or civilians too: the total is at least the larger of the other two.
  const least = Math.max(e.fighters ?? 0, e.civilians ?? 0, e.wounded ?? 0);
  if (e.total !== null && parts.length > 0 && e.total < least)
    throw invalid('people.total', `people.total: must be at least ${least}, the largest category given`);
}

export async function recordEvacuation(
  ctx: AppContext,
  caller: Caller | null,
  agreementId: string,
  input: EvacuationInput,
): Promise<localAgreements.EvacuationRecord> {
  const by = requirePermission(caller, 'local_agreement:manage');
  requireEvacuation(input);
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const agreement = await lockVisibleAgreement(tx, by, agreementId);
    const evacuation: localAgreements.EvacuationRecord = {
      id: `evacuation-${randomUUID()}`,
      agreementId,
      ...input,
      recordedAt: ctx.now(),
      recordedBy: by.username,
    };
    await localAgreements.insertEvacuation(tx, evacuation);
    return {
      value: evacuation,
      audit: [agreementChange('add-evacuation', agreement, null, evacuationView(evacuation))],
    };
  });
  return value;
}
