/**
 * PUT /convoy-requests/{id}: the organizer's organization writes its draft again, whole
 * (convoy:organize). Once submitted, a request is no longer changed: its parties decide on what
 * they were asked (409, naming its state).
 */
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditStep, lockVisible, notDraft, requireStep, stepTaker } from './convoy-request-access.ts';
import { checkDraft, type ConvoyRequestInput } from './draft-input.ts';

export async function updateConvoyRequest(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: ConvoyRequestInput,
): Promise<requests.ConvoyRequestRecord> {
  const by = requirePermission(caller, 'convoy:organize');
  checkDraft(input);
  const at = ctx.now();
  await writeWorld(ctx, by, async (tx) => {
    const before = await lockVisible(tx, by, id);
    // The organizer's organization, as for submitting it; then a draft only.
    requireStep('submit', { ...before, state: 'draft' }, await stepTaker(tx, by));
    if (before.state !== 'draft') throw notDraft(before.state);
    await requests.replaceDraft(tx, id, { ...input, organizerActor: before.organizerActor }, at);
    await requests.insertStep(tx, id, {
      step: 'update',
      stateAfter: 'draft',
      at,
      orgId: by.orgId,
      username: by.username,
      details: {},
    });
    return { value: null, audit: [auditStep('update', before, (await requests.get(tx, id))!)] };
  });
  announce(ctx, id);
  return (await asReader(ctx.db, readerOf(by), (sql) => requests.get(sql, id)))!;
}
