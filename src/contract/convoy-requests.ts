/**
 * Convoy requests (docs/access.md): the words and the workflow the server and the web app share.
 * A request runs draft → submitted → approved / partly approved / denied → facilitation letter →
 * dispatched → arrived / turned back / attacked → delivered. Each step is taken by one party (the
 * organizer's organization, an approving party's, or the secretariat) with a permission of its
 * role, from the states listed here and no other: the server refuses a step out of order (409)
 * naming the state, and offers each caller only the steps it may take next.
 */
import type { Permission, Role } from './access.ts';

export const CONVOY_STATES = [
  'draft',
  'submitted',
  'approved',
  'partly_approved',
  'denied',
  'letter_issued',
  'dispatched',
  'arrived',
  'turned_back',
  'attacked',
  'delivered',
] as const;
export type ConvoyState = (typeof CONVOY_STATES)[number];

/** The states a request ends in: nothing follows them. */
export const FINAL_STATES: readonly ConvoyState[] = ['denied', 'turned_back', 'attacked', 'delivered'];

/**
 * The states in which a request's approvals stand and its convoy has not yet come back: a change
 * of control along its route then flags it (docs/access.md). From submission, when the parties
 * to ask were fixed, to the end of the journey.
 */
export const IN_FORCE_STATES: readonly ConvoyState[] = [
  'submitted',
  'approved',
  'partly_approved',
  'letter_issued',
  'dispatched',
];

export const CONVOY_STEPS = [
  'submit',
  'decide',
  'issue_letter',
  'dispatch',
  'arrive',
  'turn_back',
  'report_attack',
  'deliver',
] as const;
export type ConvoyStep = (typeof CONVOY_STEPS)[number];

/**
 * Who takes a step: the organizer's organization, an organization that decides for an approving
 * party (or the secretariat on that party's behalf), or the secretariat (the UN organizations of
 * the task force: migration 020's truce_secretariat).
 */
export type StepParty = 'organizer' | 'approver' | 'secretariat';

export interface StepRule {
  from: readonly ConvoyState[];
  party: StepParty;
  permission: Permission;
}

/** The workflow as data: each step, the states it may be taken from, by whom, with which permission. */
export const STEP_RULES: Record<ConvoyStep, StepRule> = {
  submit: { from: ['draft'], party: 'organizer', permission: 'convoy:organize' },
  decide: { from: ['submitted'], party: 'approver', permission: 'convoy:decide' },
  issue_letter: { from: ['approved', 'partly_approved'], party: 'secretariat', permission: 'convoy:facilitate' },
  dispatch: { from: ['letter_issued'], party: 'organizer', permission: 'convoy:organize' },
  arrive: { from: ['dispatched'], party: 'organizer', permission: 'convoy:organize' },
  turn_back: { from: ['dispatched'], party: 'organizer', permission: 'convoy:organize' },
  // A convoy may be attacked on the road or while it unloads (Urum al-Kubra, 19 September 2016).
  report_attack: { from: ['dispatched', 'arrived'], party: 'organizer', permission: 'convoy:organize' },
  deliver: { from: ['arrived'], party: 'organizer', permission: 'convoy:organize' },
};

/** The state a step leads to; `decide` leads to the outcome of the decisions (decisionOutcome). */
export const STEP_LEADS_TO: Record<Exclude<ConvoyStep, 'decide' | 'submit'>, ConvoyState> = {
  issue_letter: 'letter_issued',
  dispatch: 'dispatched',
  arrive: 'arrived',
  turn_back: 'turned_back',
  report_attack: 'attacked',
  deliver: 'delivered',
};

/** The sector of a cargo line (the humanitarian clusters, shortened). */
export const CARGO_SECTORS = [
  'food',
  'health',
  'nutrition',
  'wash',
  'shelter',
  'education',
  'protection',
  'other',
] as const;
export type CargoSector = (typeof CARGO_SECTORS)[number];

export const DECISIONS = ['approve', 'approve_with_conditions', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Where the decisions leave a submitted request: denied as soon as one party denies (a convoy
 * needs every approval); once every party has decided, approved when all approved as asked, else
 * partly approved (approved with conditions: items or destinations taken out); until then, submitted.
 */
export function decisionOutcome(
  required: readonly string[],
  decisions: readonly { actor: string; decision: Decision }[],
): ConvoyState {
  if (decisions.some((d) => d.decision === 'deny')) return 'denied';
  const decided = new Set(decisions.map((d) => d.actor));
  if (!required.every((a) => decided.has(a))) return 'submitted';
  return decisions.every((d) => d.decision === 'approve') ? 'approved' : 'partly_approved';
}

/** Whether a step may be taken from a state (the order of the workflow, whoever asks). */
export const stepAllowedFrom = (step: ConvoyStep, state: ConvoyState): boolean => STEP_RULES[step].from.includes(state);

/** The caller as the workflow sees it. */
export interface StepTaker {
  orgId: string;
  role: Role;
  /** An organization of the secretariat. */
  secretariat: boolean;
  /** The approving parties (actors) the caller's organization decides for. */
  represents: readonly string[];
}

/** The request as the workflow sees it. */
export interface StepSubject {
  state: ConvoyState;
  organizerOrg: string;
  /** Approving parties that have not decided yet. */
  pending: readonly string[];
}

/** The parties a caller may record a decision for: those it decides for, or any, for the secretariat. */
export function decidesFor(subject: StepSubject, who: StepTaker): string[] {
  return subject.pending.filter((a) => who.secretariat || who.represents.includes(a));
}

/** Whether the caller's organization is the party a step asks for (its role aside). */
export function isStepParty(step: ConvoyStep, subject: StepSubject, who: StepTaker): boolean {
  switch (STEP_RULES[step].party) {
    case 'organizer':
      return who.orgId === subject.organizerOrg;
    case 'secretariat':
      return who.secretariat;
    case 'approver':
      return decidesFor(subject, who).length > 0;
  }
}

/**
 * The steps this caller may take next, in workflow order: allowed from the state, its
 * organization the step's party, its role holding the step's permission. The web app shows one
 * action for each.
 */
export function nextSteps(
  subject: StepSubject,
  who: StepTaker,
  can: (role: Role, permission: Permission) => boolean,
): ConvoyStep[] {
  return CONVOY_STEPS.filter(
    (step) =>
      stepAllowedFrom(step, subject.state) &&
      can(who.role, STEP_RULES[step].permission) &&
      isStepParty(step, subject, who),
  );
}
