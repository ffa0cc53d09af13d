/**
 * The words for the enumerations the app shows (acts, verdicts, statuses...): one map per
 * enumeration, keyed by the type the generated schema gives it, in each language. A key built
 * from data (`'act.' + value`) escapes the compiler; a `Record<Act, string>` does not, so a value
 * without its English or Arabic name is a type error.
 */
import type { AttemptError, DeliveryState, WebhookEvent } from '../../../src/contract/webhooks.ts';
import type {
  Act,
  AttributionGrade,
  Channel,
  CivilianTarget,
  Classification,
  Clearance,
  ControlConfidence,
  Credibility,
  IncidentStatus,
  MapVerdict,
  OrgKind,
  Reliability,
  Role,
  TriageState,
  ZoneStatus,
} from '../api/vocabulary.ts';
import type { EmailKind } from '../../../src/contract/email.ts';
import type { AccessCategory } from '../../../src/contract/access-constraints.ts';
import type { CargoSector, ConvoyState, ConvoyStep, Decision } from '../../../src/contract/convoy-requests.ts';
import type { BesiegedStatus, EvacuationStatus, LocalAgreementRole } from '../../../src/contract/siege.ts';

/**
 * The audit actions this app has words for. The server records actions as free text (an audit
 * entry's `action` is a string), so any other reads as "recorded" (`other`).
 */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'link'
  | 'unlink'
  | 'link-report'
  | 'unlink-report'
  | 'import'
  | 'rejudge'
  | 'revoke'
  | 'set-password'
  | 'sign-in'
  | 'disable'
  | 'enable'
  | 'discard'
  | 'mark-duplicate'
  | 'restore'
  | 'evaluate'
  | 'propose-ruling'
  | 'approve-ruling'
  | 'ruling-in-force'
  | 'withdraw-ruling'
  | 'open-hotline-thread'
  | 'hotline-message'
  | 'acknowledge-hotline-thread'
  | 'escalate-hotline-thread'
  | 'resolve-hotline-thread'
  | 'change-email'
  | 'change-report-schedule'
  | 'absorb'
  | 'merge-into'
  | 'change-control'
  | 'replace-control'
  | 'change-geometry'
  | 'rename'
  | 'submit'
  | 'decide'
  | 'issue_letter'
  | 'dispatch'
  | 'arrive'
  | 'turn_back'
  | 'report_attack'
  | 'deliver'
  | 'control_changed'
  | 'invite'
  | 'add-clause'
  | 'edit-clause'
  | 'take-position'
  | 'propose-publication'
  | 'approve-publication'
  | 'publish'
  | 'export'
  | 'record-acceptance'
  | 'other';

/**
 * The kinds of record the audit trail names (its entries' `entity`), in the order the trail's
 * filter offers them; any other reads as "another record" (`other`).
 */
export const RECORD_KINDS = [
  'incident',
  'report',
  'zone',
  'agreement',
  'agreement_clause',
  'actor',
  'protected_site',
  'operation',
  'convoy',
  'hotline_thread',
  'convoy_request',
  'convoy_representative',
  'negotiation_room',
  'findings',
  'incidents',
  'user',
  'api_token',
  'webhook',
  'organization',
  'other',
] as const;
export type RecordKindName = (typeof RECORD_KINDS)[number];

/** The records a live event about findings judged again may name when the event carries no name. */
export type EntityKind = 'zone' | 'agreement' | 'actor';

export interface Names {
  acts: Record<Act, string>;
  verdicts: Record<MapVerdict, string>;
  statuses: Record<IncidentStatus, string>;
  grades: Record<AttributionGrade, string>;
  targets: Record<CivilianTarget, string>;
  classifications: Record<Classification, string>;
  /** What a user reads, stated plainly ("You see public and task-force records"). */
  clearances: Record<Clearance, string>;
  roles: Record<Role, string>;
  orgKinds: Record<OrgKind, string>;
  channels: Record<Channel, string>;
  /** Source reliability, A-F, and information credibility, 1-6 (NATO/Admiralty), each with its meaning. */
  reliabilities: Record<Reliability, string>;
  credibilities: Record<`${Credibility}`, string>;
  triage: Record<TriageState, string>;
  zones: Record<ZoneStatus, string>;
  confidences: Record<ControlConfidence, string>;
  auditActions: Record<AuditAction, string>;
  entities: Record<EntityKind, string>;
  recordKinds: Record<RecordKindName, string>;
  /** The kinds of email a user may ask for (the account page), as the emails' footers name them. */
  emailKinds: Record<EmailKind, string>;
  /** Convoy requests (docs/access.md): the states, the steps, the parties' decisions, the cargo's sectors. */
  convoyStates: Record<ConvoyState, string>;
  convoySteps: Record<ConvoyStep | 'create' | 'update' | 'control_changed', string>;
  decisions: Record<Decision, string>;
  sectors: Record<CargoSector, string>;
  /** The kinds of access constraint (OCHA's access categories). */
  accessCategories: Record<AccessCategory, string>;
  /** Webhooks: the events a subscription may choose, a delivery's states, why an attempt had no answer. */
  webhookEvents: Record<WebhookEvent, string>;
  deliveryStates: Record<DeliveryState, string>;
  attemptErrors: Record<AttemptError, string>;
  /** Besieged areas and local agreements (docs/access.md): an area's status, an evacuation's, a role in an agreement. */
  besiegedStatuses: Record<BesiegedStatus, string>;
  evacuationStatuses: Record<EvacuationStatus, string>;
  localAgreementRoles: Record<LocalAgreementRole, string>;
}

/**
 * A function per enumeration: a value's name, "unknown" for none. The value may be any string
 * because the schema types some of them as plain strings (a map point's act, the user's role, an
 * audit action, a site's kind); what the compiler checks is that every map names every value.
 */
export type Namer = {
  [K in keyof Names]: (value: Extract<keyof Names[K], string> | (string & {}) | null | undefined) => string;
};

/** The namer of one language: a value the app has no name for (from a newer server) reads as itself. */
export function namer(names: Names, unknown: string): Namer {
  const of =
    <K extends string>(map: Record<K, string>) =>
    (value: string | null | undefined): string =>
      value === null || value === undefined ? unknown : ((map as Record<string, string>)[value] ?? value);
  return {
    acts: of(names.acts),
    verdicts: of(names.verdicts),
    statuses: of(names.statuses),
    grades: of(names.grades),
    targets: of(names.targets),
    classifications: of(names.classifications),
    clearances: of(names.clearances),
    roles: of(names.roles),
    orgKinds: of(names.orgKinds),
    channels: of(names.channels),
    reliabilities: of(names.reliabilities),
    credibilities: of(names.credibilities),
    triage: of(names.triage),
    zones: of(names.zones),
    confidences: of(names.confidences),
    auditActions: of(names.auditActions),
    entities: of(names.entities),
    recordKinds: of(names.recordKinds),
    emailKinds: of(names.emailKinds),
    convoyStates: of(names.convoyStates),
    convoySteps: of(names.convoySteps),
    decisions: of(names.decisions),
    sectors: of(names.sectors),
    accessCategories: of(names.accessCategories),
    webhookEvents: of(names.webhookEvents),
    deliveryStates: of(names.deliveryStates),
    attemptErrors: of(names.attemptErrors),
    besiegedStatuses: of(names.besiegedStatuses),
    evacuationStatuses: of(names.evacuationStatuses),
    localAgreementRoles: of(names.localAgreementRoles),
  };
}
