/**
 * PATCH /local-agreements/{id}/evacuations/{evacuationId} (local_agreement:manage): an
 * evacuation's status, days, figures, places, source or note as they become known. Only what is
 * given changes. An evacuation of an agreement the caller may not see is not found.
 */
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { writeWorld } from '../shared/write-world.ts';
import { agreementChange, evacuationView, lockVisibleAgreement } from './local-agreement-access.ts';
import { type EvacuationInput, requireEvacuation } from './record-evacuation.ts';

export type EvacuationChange = Partial<EvacuationInput>;

export async function changeEvacuation(
  ctx: AppContext,
  caller: Caller | null,
  agreementId: string,
  evacuationId: string,
  input: EvacuationChange,
): Promise<localAgreements.EvacuationRecord> {
  const by = requirePermission(caller, 'local_agreement:manage');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const agreement = await lockVisibleAgreement(tx, by, agreementId);
    const before = agreement.evacuations.find((e) => e.id === evacuationId);
    if (!before) throw notFound('evacuation', evacuationId);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const next: localAgreements.EvacuationRecord = { ...before, ...given };
    requireEvacuation(next);
    await localAgreements.updateEvacuation(tx, next);
    return {
      value: next,
      audit: [agreementChange('update-evacuation', agreement, evacuationView(before), evacuationView(next))],
    };
  });
  return value;
}
