/**
 * POST /convoy-requests/{id}/submit: the organizer's organization submits its draft
 * (convoy:organize). The parties to ask are fixed now by the spec's convoy rule (src/domain/
 * convoys.ts): who controls a zone the route crosses during the window, the organizer aside and
 * excluded groups reported apart, plus the host state; worked out from the world as the organizer
 * sees it. From then on the organizations deciding for those parties see the request. With nobody
 * to ask, it is approved at once.
 */
import { decisionOutcome } from '../../contract/convoy-requests.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import {
  announce,
  approvalsFor,
  auditStep,
  lockVisible,
  requireStep,
  stepTaker,
  stepTime,
} from './convoy-request-access.ts';

export async function submitConvoyRequest(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  /** When it was submitted, for a request recorded after the fact (the demo world); now by default. */
  options: { at?: number } = {},
): Promise<requests.ConvoyRequestRecord> {
  const by = requirePermission(caller, 'convoy:organize');
  const at = stepTime('at', options.at, ctx.now());
  await writeWorld(ctx, by, async (tx) => {
    const before = await lockVisible(tx, by, id);
    requireStep('submit', before, await stepTaker(tx, by));
    const approvals = await readWithin(tx, readerOf(by), (sql) => approvalsFor(sql, before));
    const state = decisionOutcome(approvals.requiredApprovals, []);
    await requests.submit(
      tx,
      id,
      { required: approvals.requiredApprovals, crossesExcluded: approvals.crossesExcluded, zones: approvals.zones },
      state,
      at,
    );
    await requests.insertStep(tx, id, {
      step: 'submit',
      stateAfter: state,
      at,
      orgId: by.orgId,
      username: by.username,
      details: { required_approvals: approvals.requiredApprovals, crosses_excluded: approvals.crossesExcluded },
    });
    return { value: null, audit: [auditStep('submit', before, (await requests.get(tx, id))!)] };
  });
  announce(ctx, id);
  return (await asReader(ctx.db, readerOf(by), (sql) => requests.get(sql, id)))!;
}
