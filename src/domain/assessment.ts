/**
 * How an incident stands: its status in review, how firmly its attribution holds (the Airwars
 * grading), where its accounts came from, and on which facts its accounts disagree.
 */
import type { Act, Target } from './model.ts';

export const INCIDENT_STATUSES = ['reported', 'under_review', 'verified', 'disputed', 'discounted'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Airwars' attribution scale: confirmed, fair, weak, contested, discounted. */
export const ATTRIBUTION_GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;
export type AttributionGrade = (typeof ATTRIBUTION_GRADES)[number];

export const REPORT_CHANNELS = ['web', 'api', 'hotline', 'import'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/**
 * The NATO/Admiralty evaluation of a report (STANAG 2511): how reliable its source is, A
 * (completely reliable) to E (unreliable), F when it cannot be judged; and how credible the
 * information is, 1 (confirmed by other sources) to 5 (improbable), 6 when it cannot be judged.
 * The two are set apart on purpose: a reliable source can pass on an improbable story.
 */
export const SOURCE_RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITIES)[number];
export const INFO_CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type InfoCredibility = (typeof INFO_CREDIBILITIES)[number];

/**
 * What an analyst decided about a report that is not an account of an incident: discarded (with
 * a reason) or a duplicate of another report. A report with neither waits in the inbox.
 */
export const TRIAGE_STATES = ['discarded', 'duplicate'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** What an account says about who did what to whom. */
export interface AccountFacts {
  allegedPerpetrator: string | null;
  target: Target;
  act: Act;
}

export const DISPUTABLE_FACTS = ['perpetrator', 'target', 'act'] as const;
export type DisputableFact = (typeof DISPUTABLE_FACTS)[number];

/**
 * The facts on which accounts contradict one another. An account that does not name a
 * perpetrator or target does not contradict one that does: it only knows less.
 */
export function disputedFacts(accounts: readonly AccountFacts[]): DisputableFact[] {
  const targetKey = (t: Target) =>
    t === null ? null : 'civilian' in t ? `civilian:${t.civilian}` : `actor:${t.actor}`;
  const distinct = (values: (string | null)[]) => new Set(values.filter((v) => v !== null)).size > 1;
  const disputed: Record<DisputableFact, boolean> = {
    perpetrator: distinct(accounts.map((a) => a.allegedPerpetrator)),
    target: distinct(accounts.map((a) => targetKey(a.target))),
    act: distinct(accounts.map((a) => (a.act === 'other' ? null : a.act))),
  };
  return DISPUTABLE_FACTS.filter((f) => disputed[f]);
}
