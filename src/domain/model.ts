/**
 * The things a truce is made of, as the rules see them. Times are instants (ms since epoch);
 * the bundle format and the database translate to and from these shapes.
 */
import type { Area, Geometry } from './geo.ts';
import type { Instant, Interval } from './time.ts';

export const ACTOR_KINDS = ['state', 'coalition', 'armed_group', 'humanitarian', 'un', 'monitor'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTS = [
  'air_strike',
  'shelling',
  'missile',
  'ground_assault',
  'small_arms',
  'atgm',
  'territory_seizure',
  'access_denial',
  'arrest',
  'other',
] as const;
export type Act = (typeof ACTS)[number];

export const CIVILIAN_TARGETS = [
  'hospital',
  'school',
  'market',
  'residential',
  'convoy',
  'aid_facility',
  'infrastructure',
  'civilians',
] as const;
export type CivilianTarget = (typeof CIVILIAN_TARGETS)[number];

/** Obligation codes of the Cessation of Hostilities terms (docs: coh-outline). */
export const OBLIGATION_CODES = ['T1', 'T2', 'T2a', 'T3', 'T4', 'T5', 'M1'] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

export interface Actor {
  id: string;
  name: string;
  /** Its name in Arabic, for people reading Arabic (absent: the English one serves); no rule reads it. */
  nameAr?: string;
  kind: ActorKind;
  aliases: string[];
  /** Designated a terrorist organization by the UN Security Council: excluded from every truce. */
  designated: boolean;
}

/** A party's acceptance of an agreement, from `acceptedAt` until withdrawal (`until`). */
export interface Party {
  actor: string;
  acceptedAt: Instant;
  until: Instant | null;
  /** Who the acceptance was notified to (in 2016: the US or Russia). */
  channel: string | null;
  /** Conditions the party attached, in its own words. */
  caveats: string[];
}

export interface Clause {
  code: ObligationCode;
  text: string;
  /** The acts this clause prohibits; an incident of one of them breaks this clause. */
  acts: Act[];
}

export interface Agreement {
  id: string;
  title: string;
  /** Its title in Arabic (absent: the English one serves); no rule reads it. */
  titleAr?: string;
  inForce: Interval[];
  /** Where it applies; null is everywhere. */
  scope: Area | null;
  parties: Party[];
  excluded: string[];
  prohibited: Act[];
  /** When true, a claim of self-defence sends a violation to review. */
  selfDefense: boolean;
  clauses: Clause[];
}

export interface ControlEntry {
  actors: string[];
  from: Instant;
  to: Instant | null;
}

export interface Zone {
  id: string;
  name: string;
  /** Its name in Arabic (absent: the English one serves); no rule reads it. */
  nameAr?: string;
  geometry: Area;
  control: ControlEntry[];
}

export type Target = { civilian: CivilianTarget } | { actor: string } | null;

export interface Incident {
  id: string;
  occurredAt: Instant;
  location: { lon: number; lat: number };
  act: Act;
  perpetrator: string | null;
  target: Target;
  selfDefenseClaim: boolean;
}

export interface ProtectedSite {
  id: string;
  kind: string;
  owner: string;
  geometry: Geometry;
  bufferM: number;
  valid: Interval;
  notifiedTo: string[];
}

export interface Operation {
  id: string;
  actor: string;
  kind: string;
  area: Geometry;
  radiusM: number;
  window: Interval;
}

export interface Convoy {
  id: string;
  organizer: string;
  route: Geometry;
  window: Interval;
}

export interface CalmSpec {
  agreement: string;
  /** Calendar dates, both included, in the world's timezone. */
  from: string;
  to: string;
  thresholdPerDay: number;
  daysRequired: number;
}

/** Everything the rules need to judge: one bundle, or what the database holds. */
export interface World {
  timezone: string;
  hostState: string | null;
  actors: Actor[];
  agreements: Agreement[];
  zones: Zone[];
  incidents: Incident[];
  protectedSites: ProtectedSite[];
  operations: Operation[];
  convoys: Convoy[];
  calm: CalmSpec | null;
}
