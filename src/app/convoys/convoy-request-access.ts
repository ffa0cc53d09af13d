/**
 * What the convoy request use cases share: the caller as the workflow sees it, the request looked
 * up as the caller (hidden is missing: 404) and locked, the step guard (the wrong party: 403; out
 * of order: 409, naming the state), the audit entry, the live event, and the approvals worked out
 * by the spec's convoy rule (src/domain/convoys.ts) from the world as a reader sees it.
 *
 * A request's audit entries are public in class but mention the request (`convoy_request:<id>`),
 * so that only who may see the request sees them (migration 027's truce_record_visible).
 */
import { roleCan } from '../../contract/access.ts';
import {
  type ConvoyState,
  type ConvoyStep,
  decidesFor,
  isStepParty,
  nextSteps,
  STEP_RULES,
  type StepSubject,
  type StepTaker,
  stepAllowedFrom,
} from '../../contract/convoy-requests.ts';
import { isSecretariat } from '../../contract/hotline.ts';
import { convoyApprovals } from '../../domain/convoys.ts';
import type { ConvoyResult } from '../../domain/findings.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import { statement, term } from '../../domain/statements.ts';
import * as actors from '../../store/actor.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as settings from '../../store/settings.repository.ts';
import type { Sql } from '../../store/sql.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';

export type { ConvoyRequestRecord } from '../../store/convoy-request.repository.ts';

/** The caller's organization as the workflow sees it: of the secretariat or not, the party it decides for. */
export async function stepTaker(sql: Sql, caller: Caller): Promise<StepTaker> {
  const represents = await requests.representedBy(sql, caller.orgId);
  return {
    orgId: caller.orgId,
    role: caller.role,
    secretariat: isSecretariat(caller),
    represents: represents ? [represents] : [],
  };
}

export const pendingOf = (r: requests.ConvoyRequestRecord): string[] =>
  r.requiredApprovals.filter((a) => !r.decisions.some((d) => d.actor === a));

export const subjectOf = (r: requests.ConvoyRequestRecord): StepSubject => ({
  state: r.state,
  organizerOrg: r.organizerOrg,
  pending: pendingOf(r),
});

/** The steps the caller may take next on this request. */
export const stepsFor = (r: requests.ConvoyRequestRecord, who: StepTaker): ConvoyStep[] =>
  nextSteps(subjectOf(r), who, roleCan);

/** The request as the caller sees it, locked for a step; 404 when hidden or missing. */
export async function lockVisible(tx: Sql, caller: Caller, id: string): Promise<requests.ConvoyRequestRecord> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => requests.get(sql, id)))) throw notFound('convoy request', id);
  await requests.lock(tx, id);
  return (await requests.get(tx, id))!;
}

const stateTerm = (state: ConvoyState) => term.statement(statement(`convoy.state.${state}`));
const stepTerm = (step: ConvoyStep) => term.statement(statement(`convoy.step.${step}`));

/**
 * The guard of every step: the caller's organization must be the step's party (else 403, naming
 * it), and the request in a state the step may follow (else 409, naming the state).
 */
export function requireStep(step: ConvoyStep, r: requests.ConvoyRequestRecord, who: StepTaker): void {
  const rule = STEP_RULES[step];
  // The party of a decision is checked with the party decided for (decide-convoy-request.ts).
  if (rule.party !== 'approver' && !isStepParty(step, subjectOf(r), who))
    throw new AppError(
      'FORBIDDEN',
      `only ${rule.party === 'organizer' ? "the organizer's organization" : 'the secretariat'} may take the step "${step}"`,
      undefined,
      statement('error.convoy_not_party', {
        party: term.statement(statement(`convoy.party.${rule.party}`)),
        step: stepTerm(step),
      }),
    );
  if (!stepAllowedFrom(step, r.state)) throw outOfOrder(step, r.state);
}

export const outOfOrder = (step: ConvoyStep, state: ConvoyState) =>
  new AppError(
    'CONFLICT',
    `the convoy request is ${state.replace('_', ' ')}: "${step}" is not its next step (it may follow: ${STEP_RULES[step].from.join(', ')})`,
    undefined,
    statement('error.convoy_out_of_order', { state: stateTerm(state), step: stepTerm(step) }),
  );

export const notDraft = (state: ConvoyState) =>
  new AppError(
    'CONFLICT',
    `the convoy request is ${state.replace('_', ' ')}: only a draft can be changed`,
    undefined,
    statement('error.convoy_not_draft', { state: stateTerm(state) }),
  );

/** The parties the caller may decide for on this request (those it decides for, or any still pending for the secretariat). */
export const partiesFor = (r: requests.ConvoyRequestRecord, who: StepTaker): string[] => decidesFor(subjectOf(r), who);

/** When a step happened: as told, else now; never ahead of the clock by more than a minute. */
export function stepTime(path: string, given: number | undefined, now: number): number {
  if (given === undefined) return now;
  if (given > now + 60_000) throw invalid(path, `${path}: must not be in the future`);
  return given;
}

/**
 * The parties a route needs (the spec's convoy rule), worked out from the zones, agreements and
 * host state a reader may see: naming who holds a zone hidden from the reader would reveal it.
 * The organizer is the party the organizer's organization decides for, if any.
 */
export async function approvalsFor(
  sql: Sql,
  r: Pick<requests.ConvoyRequestRecord, 'id' | 'organizerActor' | 'route' | 'window'>,
): Promise<ConvoyResult> {
  const book = new Rulebook({
    actors: await actors.list(sql),
    agreements: await agreements.list(sql),
    zones: await zones.list(sql),
  });
  return convoyApprovals(
    book,
    { id: r.id, organizer: r.organizerActor ?? '', route: r.route, window: r.window },
    (await settings.get(sql)).hostState,
  );
}

/** Says a request changed: the live stream reads it again as each reader (app/live), so only those who see it hear. */
export function announce(ctx: AppContext, id: string): void {
  ctx.events.publish({ type: 'convoy_request.changed', entity: 'convoy_request', id, at: ctx.now() });
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The request as its audit entries keep it. */
export function requestSnapshot(r: requests.ConvoyRequestRecord): Record<string, unknown> {
  return {
    name: r.name,
    organizer_org: r.organizerOrg,
    organizer_actor: r.organizerActor,
    state: r.state,
    route: r.route,
    window: { from: iso(r.window.from), to: iso(r.window.to) },
    destinations: r.destinations,
    cargo: r.cargo,
    beneficiaries_planned: r.beneficiariesPlanned,
    beneficiaries_reached: r.beneficiariesReached,
    required_approvals: r.requiredApprovals,
    crosses_excluded: r.crossesExcluded,
    decisions: r.decisions.map((d) => ({
      actor: d.actor,
      decision: d.decision,
      reason: d.reason,
      conditions: d.conditions,
      removed: d.removed,
      excluded_destinations: d.excludedDestinations,
      decided_at: iso(d.decidedAt),
    })),
  };
}

/** A step's audit entry: the request before and after, and what the step said (its access incident among it). */
export function auditStep(
  action: string,
  before: requests.ConvoyRequestRecord | null,
  after: requests.ConvoyRequestRecord,
  said: Record<string, unknown> = {},
): Change {
  return {
    action,
    entity: 'convoy_request',
    entityId: after.id,
    classification: 'public',
    ownerOrg: after.organizerOrg,
    before: before ? requestSnapshot(before) : null,
    after: { ...requestSnapshot(after), ...said },
  };
}
