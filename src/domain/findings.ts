/** What the rules conclude. Each finding names the rule that decided it and explains it in words. */
import type { Statement } from './statements.ts';
import type { Instant } from './time.ts';

export const VERDICTS = ['violation', 'needs_review', 'permitted', 'not_covered'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Most serious first: an incident judged under two agreements shows its worst finding. The same
 * ranks as truce_verdict_rank in the database (migration 005), which keeps each incident's summary.
 */
export const VERDICT_RANK: Record<Verdict, number> = { violation: 1, needs_review: 2, permitted: 3, not_covered: 4 };
/** The rank of an incident with no finding yet. */
export const UNJUDGED_RANK = 5;

export const REASONS = [
  'NO_AGREEMENT',
  'ACT_NOT_PROHIBITED',
  'PERPETRATOR_UNKNOWN',
  'PERPETRATOR_EXCLUDED',
  'PERPETRATOR_NOT_PARTY',
  'TARGET_CIVILIAN',
  'TARGET_EXCLUDED',
  'TARGET_PARTY',
  'TARGET_NOT_PARTY',
  'TARGET_UNKNOWN',
  'TARGET_OWN_AREA',
  'TARGET_INTERMINGLED',
  'SELF_DEFENSE_CLAIMED',
  'TERRITORY_FROM_EXCLUDED',
  'TERRITORY_SEIZURE',
  'TERRITORY_UNCLEAR',
] as const;
export type Reason = (typeof REASONS)[number];

/**
 * Bumped whenever a rule changes meaning or what a finding says; stored with every finding.
 * 2: explanations as statements, one wording per act; findings name the zones they rest on.
 */
export const RULES_VERSION = 'truce-rules/2';

export interface IncidentFinding {
  incident: string;
  agreement: string | null;
  verdict: Verdict;
  violator: string | null;
  reasons: Reason[];
  /** The number of the rule in the spec's table that decided (0 for "no agreement applies"). */
  rule: number;
  /** The obligation the incident bears on, when the agreement's clauses name one. */
  obligation: string | null;
  /** When the incident happened: calm counts violations by this instant's day. */
  at: Instant;
  /**
   * The zones whose control decided the finding (rules 10-14), beside the incident and the
   * agreement: whoever may not see one of them may not see the finding.
   */
  restsOnZones: string[];
  /** Why, as statements a reader's language renders; `explanation` is their English. */
  statements: Statement[];
  explanation: string;
}

export interface TerritoryFinding {
  zone: string;
  at: Instant;
  agreement: string;
  verdict: Verdict;
  violators: string[];
  reasons: Reason[];
  rule: number;
  gainers: string[];
  losers: string[];
  statements: Statement[];
  explanation: string;
}

export interface SiteConflict {
  site: string;
  /** Rounded to the metre. */
  clearanceM: number;
  notified: boolean;
}

export interface DeconflictionResult {
  operation: string;
  conflicts: SiteConflict[];
}

export interface ConvoyResult {
  convoy: string;
  requiredApprovals: string[];
  crossesExcluded: string[];
  /** The zones the route crosses during its window. */
  zones: string[];
}

export interface CalmDay {
  date: string;
  violations: number;
  /** The agreement is in force for the whole day; a day it is not is never calm. */
  inForce: boolean;
  calm: boolean;
  streak: number;
}

export interface CalmResult {
  agreement: string;
  days: CalmDay[];
  reducedViolenceOn: string | null;
}

export interface Evaluation {
  findings: IncidentFinding[];
  territory: TerritoryFinding[];
  deconfliction: DeconflictionResult[];
  convoys: ConvoyResult[];
  calm: CalmResult | null;
}
