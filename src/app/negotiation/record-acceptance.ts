/**
 * POST /negotiation-rooms/{id}/acceptances: a member records, from the room, a party's acceptance of
 * the agreement the room drafts (negotiation:write): when, through which channel, with what caveats,
 * as the agreement model holds them. The agreement's own change (save-agreement-change.ts, as
 * add-party.ts makes it) judges its findings again; audited on the agreement and in the room, in
 * one transaction.
 */
import type { Party } from '../../domain/model.ts';
import { parseInstant } from '../../domain/time.ts';
import type * as agreements from '../../store/agreement.repository.ts';
import { lockVisibleAgreement, saveAgreementChange } from '../agreements/save-agreement-change.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { PartyInput } from '../shared/inputs.ts';
import { requireAfter, requireKnownActors } from '../shared/references.ts';
import { writeWorld, type Written } from '../shared/write-world.ts';
import { announce, auditRoom, lockMemberRoom } from './room-access.ts';

export async function recordAcceptance(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  input: PartyInput,
): Promise<Written<agreements.AgreementRecord>> {
  const by = requirePermission(caller, 'negotiation:write');
  const reader = readerOf(by);
  const party: Party = {
    actor: input.actor,
    acceptedAt: parseInstant(input.accepted_at)!,
    until: input.until === null ? null : parseInstant(input.until)!,
    channel: input.channel,
    caveats: input.caveats,
  };
  const written = await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    const stored = await lockVisibleAgreement(tx, reader, room.agreementId);
    await requireKnownActors(tx, [{ path: 'actor', id: input.actor }]);
    requireAfter('until', party.acceptedAt, party.until, 'accepted_at');
    const change = await saveAgreementChange(
      tx,
      by,
      reader,
      stored,
      { ...stored, parties: [...stored.parties, party] },
      'add-party',
    );
    return {
      ...change,
      audit: [
        ...change.audit,
        auditRoom('record-acceptance', room, {
          actor: input.actor,
          accepted_at: input.accepted_at,
          channel: input.channel,
          caveats: input.caveats,
        }),
      ],
    };
  });
  announce(ctx, roomId);
  return written;
}
