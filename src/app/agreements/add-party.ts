/** POST /agreements/{id}/parties: records an acceptance (actor, when, the channel, the caveats). */
import type { Party } from '../../domain/model.ts';
import { parseInstant } from '../../domain/time.ts';
import type * as agreements from '../../store/agreement.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { PartyInput } from '../shared/inputs.ts';
import { requireAfter, requireKnownActors } from '../shared/references.ts';
import { lockVisibleAgreement, saveAgreementChange } from './save-agreement-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function addParty(
  ctx: AppContext,
  caller: Caller | null,
  agreementId: string,
  input: PartyInput,
  options: WriteOptions = {},
): Promise<Written<agreements.AgreementRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  const party: Party = {
    actor: input.actor,
    acceptedAt: parseInstant(input.accepted_at)!,
    until: input.until === null ? null : parseInstant(input.until)!,
    channel: input.channel,
    caveats: input.caveats,
  };
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      const stored = await lockVisibleAgreement(tx, reader, agreementId);
      await requireKnownActors(tx, [{ path: 'actor', id: input.actor }]);
      requireAfter('until', party.acceptedAt, party.until, 'accepted_at');
      return saveAgreementChange(
        tx,
        by,
        reader,
        stored,
        { ...stored, parties: [...stored.parties, party] },
        'add-party',
      );
    },
    options,
  );
}
