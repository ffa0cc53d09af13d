/**
 * POST /convoy-requests/{id}/decisions: an approving party's decision (convoy:decide), recorded by
 * the organization that decides for that party, or by the secretariat on its behalf: approve, deny,
 * or approve with conditions (items to take out, line by line; destinations left out; conditions
 * in words), with the time it was taken and a reason. One decision per party. One denial denies
 * the request; once every party has decided it is approved, or partly approved when a party set
 * conditions (contract/convoy-requests.ts, decisionOutcome).
 */
import { type Decision, decisionOutcome } from '../../contract/convoy-requests.ts';
import { statement, term } from '../../domain/statements.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditStep, lockVisible, outOfOrder, stepTaker, stepTime } from './convoy-request-access.ts';

export interface DecisionInput {
  /** The party decided for. */
  actor: string;
  decision: Decision;
  reason: string;
  conditions: string;
  removed: { line: number; quantity: number }[];
  excludedDestinations: number[];
  /** When the party decided; now when not told. */
  decidedAt?: number | undefined;
}

export async function decideConvoyRequest(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: DecisionInput,
): Promise<requests.ConvoyRequestRecord> {
  const by = requirePermission(caller, 'convoy:decide');
  const now = ctx.now();
  const decidedAt = stepTime('decided_at', input.decidedAt, now);
  await writeWorld(ctx, by, async (tx) => {
    const before = await lockVisible(tx, by, id);
    const who = await stepTaker(tx, by);
    // The party's own organization or the secretariat (403), then the order (409), then the party asked and not yet decided.
    if (!who.secretariat && !who.represents.includes(input.actor))
      throw new AppError(
        'FORBIDDEN',
        `your organization does not decide for "${input.actor}": its own organization or the secretariat records its decision`,
        'actor',
        statement('error.convoy_not_party', {
          party: term.statement(statement('convoy.party.approver')),
          step: term.statement(statement('convoy.step.decide')),
        }),
      );
    if (before.state !== 'submitted') throw outOfOrder('decide', before.state);
    if (!before.requiredApprovals.includes(input.actor))
      throw invalid('actor', `actor: "${input.actor}" is not a party this request asks`);
    if (before.decisions.some((d) => d.actor === input.actor))
      throw new AppError(
        'CONFLICT',
        `"${input.actor}" has already decided on this convoy request`,
        'actor',
        statement('error.convoy_decided', { party: term.actor(input.actor) }),
      );
    checkDecision(input, before);
    await requests.insertDecision(tx, id, {
      actor: input.actor,
      decision: input.decision,
      reason: input.reason,
      conditions: input.conditions,
      removed: input.removed,
      excludedDestinations: input.excludedDestinations,
      decidedAt,
      recordedByOrg: by.orgId,
      recordedBy: by.username,
    });
    const decisions = [...before.decisions, { actor: input.actor, decision: input.decision }];
    const state = decisionOutcome(before.requiredApprovals, decisions);
    if (state !== before.state) await requests.setState(tx, id, state, now);
    await requests.insertStep(tx, id, {
      step: 'decide',
      stateAfter: state,
      at: decidedAt,
      orgId: by.orgId,
      username: by.username,
      details: {
        actor: input.actor,
        decision: input.decision,
        reason: input.reason,
        conditions: input.conditions,
        removed: input.removed,
        excluded_destinations: input.excludedDestinations,
      },
    });
    return { value: null, audit: [auditStep('decide', before, (await requests.get(tx, id))!)] };
  });
  announce(ctx, id);
  return (await asReader(ctx.db, readerOf(by), (sql) => requests.get(sql, id)))!;
}

function checkDecision(d: DecisionInput, r: requests.ConvoyRequestRecord): void {
  const conditional = d.decision === 'approve_with_conditions';
  if (!conditional && (d.removed.length > 0 || d.excludedDestinations.length > 0))
    throw invalid(
      d.removed.length > 0 ? 'removed' : 'excluded_destinations',
      'only an approval with conditions takes items or destinations out',
    );
  if (d.decision === 'deny' && d.reason.trim() === '') throw invalid('reason', 'reason: a denial says why');
  if (conditional && d.removed.length === 0 && d.excludedDestinations.length === 0 && d.conditions.trim() === '')
    throw invalid(
      'conditions',
      'conditions: an approval with conditions names items to remove, destinations left out, or its conditions',
    );
  const lines = new Set<number>();
  d.removed.forEach((x, i) => {
    const line = r.cargo[x.line];
    if (!line) throw invalid(`removed[${i}].line`, `removed[${i}].line: the request has no cargo line ${x.line + 1}`);
    if (lines.has(x.line)) throw invalid(`removed[${i}].line`, `removed[${i}].line: line ${x.line + 1} is named twice`);
    lines.add(x.line);
    if (x.quantity > line.quantity)
      throw invalid(
        `removed[${i}].quantity`,
        `removed[${i}].quantity: more than the ${line.quantity} ${line.unit} asked for`,
      );
  });
  const left = new Set(d.excludedDestinations);
  d.excludedDestinations.forEach((x, i) => {
    if (!r.destinations[x])
      throw invalid(
        `excluded_destinations[${i}]`,
        `excluded_destinations[${i}]: the request has no destination ${x + 1}`,
      );
  });
  if (r.destinations.length > 0 && r.destinations.every((_d, i) => left.has(i)))
    throw invalid('excluded_destinations', 'excluded_destinations: leaving out every destination is a denial');
}
