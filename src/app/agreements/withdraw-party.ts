/** POST /agreements/{id}/parties/{actor}/withdraw: the party's acceptance in force ends at `at`. */
import { parseInstant } from '../../domain/time.ts';
import type * as agreements from '../../store/agreement.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { requireAfter } from '../shared/references.ts';
import { lockVisibleAgreement, saveAgreementChange } from './save-agreement-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function withdrawParty(
  ctx: AppContext,
  caller: Caller | null,
  agreementId: string,
  actor: string,
  input: { at: string },
  options: WriteOptions = {},
): Promise<Written<agreements.AgreementRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  const at = parseInstant(input.at)!;
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      const stored = await lockVisibleAgreement(tx, reader, agreementId);
      const i = stored.parties.findIndex((p) => p.actor === actor && p.until === null);
      if (i < 0) {
        throw stored.parties.some((p) => p.actor === actor)
          ? new AppError('CONFLICT', `"${actor}" has withdrawn from ${agreementId} already`)
          : notFound('party', actor);
      }
      const party = stored.parties[i]!;
      requireAfter('at', party.acceptedAt, at, 'the acceptance');
      const parties = stored.parties.map((p, j) => (j === i ? { ...p, until: at } : p));
      return saveAgreementChange(tx, by, reader, stored, { ...stored, parties }, 'withdraw-party');
    },
    options,
  );
}
