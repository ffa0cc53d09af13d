/**
 * PATCH /local-agreements/{id} (local_agreement:manage): its names, day, terms, source, parties,
 * and the change of control that followed (null: none). Only what is given changes; its zone and
 * classification stay. An agreement the caller may not see is not found.
 */
import type { Instant } from '../../domain/time.ts';
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import {
  agreementChange,
  agreementView,
  lockVisibleAgreement,
  requireChangeOfControl,
  requireParties,
} from './local-agreement-access.ts';

export interface LocalAgreementChange {
  name?: string | undefined;
  nameAr?: string | null | undefined;
  concludedOn?: string | undefined;
  terms?: string | undefined;
  source?: string | null | undefined;
  controlChangeAt?: Instant | null | undefined;
  parties?: localAgreements.PartyRecord[] | undefined;
}

export async function changeLocalAgreement(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: LocalAgreementChange,
): Promise<localAgreements.LocalAgreementRead> {
  const by = requirePermission(caller, 'local_agreement:manage');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const before = await lockVisibleAgreement(tx, by, id);
    const next: localAgreements.LocalAgreementRecord = {
      ...before,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.nameAr !== undefined ? { nameAr: input.nameAr || null } : {}),
      ...(input.concludedOn !== undefined ? { concludedOn: input.concludedOn } : {}),
      ...(input.terms !== undefined ? { terms: input.terms } : {}),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.controlChangeAt !== undefined ? { controlChangeAt: input.controlChangeAt } : {}),
      ...(input.parties !== undefined ? { parties: input.parties } : {}),
    };
    await requireParties(tx, next.parties);
    if (next.controlChangeAt !== null)
      await requireChangeOfControl(tx, next.zoneId, next.controlChangeAt, next.concludedOn);
    await localAgreements.update(tx, next);
    return {
      value: (await readWithin(tx, readerOf(by), (sql) => localAgreements.get(sql, id)))!,
      audit: [agreementChange('update', next, agreementView(before), agreementView(next))],
    };
  });
  return value;
}
