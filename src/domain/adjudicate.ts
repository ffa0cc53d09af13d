/**
 * Incident adjudication (spec: "Incident findings"). The rules are data: an ordered table of
 * conditions, each with the verdict and reason it gives and the words that explain it. The first
 * rule whose condition holds decides.
 */
import type { IncidentFinding, Reason, Verdict } from './findings.ts';
import type { Incident } from './model.ts';
import { type AgreementView, type Rulebook, when } from './rulebook.ts';

/** What one rule sees: the incident, the agreement, and the controllers of the place (lazily). */
export interface IncidentFacts {
  book: Rulebook;
  incident: Incident;
  g: AgreementView;
  /** The perpetrator; only rules after rule 2 read it, when it is known. */
  perp: string;
  controllers(): string[];
}

export interface IncidentRule {
  rule: number;
  verdict: Verdict;
  reason: Reason;
  when(f: IncidentFacts): boolean;
  explain(f: IncidentFacts): string;
}

const targetActor = (f: IncidentFacts): string | null =>
  f.incident.target !== null && 'actor' in f.incident.target ? f.incident.target.actor : null;
const targetCivilian = (f: IncidentFacts): string | null =>
  f.incident.target !== null && 'civilian' in f.incident.target ? f.incident.target.civilian : null;

const partySince = (f: IncidentFacts, actor: string): string => {
  const entry = f.g.partyEntry(actor, f.incident.occurredAt);
  return entry ? `, a party since ${when(entry.acceptedAt)}` : ', a party';
};

const held = (f: IncidentFacts): string => `held at the time by ${f.book.describeAll(f.controllers())}`;

export const INCIDENT_RULES: readonly IncidentRule[] = [
  {
    rule: 1, verdict: 'permitted', reason: 'ACT_NOT_PROHIBITED',
    when: (f) => !f.g.prohibits(f.incident.act),
    explain: (f) => `The act (${f.incident.act}) is not among the acts ${f.g.id} prohibits.`,
  },
  {
    rule: 2, verdict: 'needs_review', reason: 'PERPETRATOR_UNKNOWN',
    when: (f) => f.incident.perpetrator === null,
    explain: () => 'No perpetrator is attributed, so nobody can be held to the agreement yet; the incident needs attribution.',
  },
  {
    rule: 3, verdict: 'not_covered', reason: 'PERPETRATOR_EXCLUDED',
    when: (f) => f.g.isExcluded(f.perp),
    explain: (f) => `The perpetrator, ${f.book.describe(f.perp)}, is excluded from ${f.g.id}: the agreement neither binds nor protects it.`,
  },
  {
    rule: 4, verdict: 'not_covered', reason: 'PERPETRATOR_NOT_PARTY',
    when: (f) => !f.g.isParty(f.perp, f.incident.occurredAt),
    explain: (f) => {
      const entry = f.g.partyEntry(f.perp, f.incident.occurredAt);
      const status = !entry ? 'never accepted it'
        : entry.acceptedAt > f.incident.occurredAt ? `accepted it only at ${when(entry.acceptedAt)}`
        : `withdrew at ${when(entry.until ?? 0)}`;
      return `The perpetrator, ${f.book.describe(f.perp)}, was not a party to ${f.g.id} at the time: it ${status}.`;
    },
  },
  {
    rule: 5, verdict: 'violation', reason: 'TARGET_CIVILIAN',
    when: (f) => targetCivilian(f) !== null,
    explain: (f) => `${f.book.describe(f.perp)}${partySince(f, f.perp)}, attacked a civilian target (${targetCivilian(f)}).`,
  },
  {
    rule: 6, verdict: 'permitted', reason: 'TARGET_EXCLUDED',
    when: (f) => { const x = targetActor(f); return x !== null && f.g.isExcluded(x); },
    explain: (f) => `The target, ${f.book.describe(targetActor(f)!)}, is excluded from ${f.g.id}; operations against it may continue.`,
  },
  {
    rule: 7, verdict: 'violation', reason: 'TARGET_PARTY',
    when: (f) => { const x = targetActor(f); return x !== null && f.g.isParty(x, f.incident.occurredAt); },
    explain: (f) => `${f.book.describe(f.perp)}${partySince(f, f.perp)}, attacked ${f.book.describe(targetActor(f)!)}${partySince(f, targetActor(f)!)}.`,
  },
  {
    rule: 8, verdict: 'not_covered', reason: 'TARGET_NOT_PARTY',
    when: (f) => targetActor(f) !== null,
    explain: (f) => `The target, ${f.book.describe(targetActor(f)!)}, was neither excluded nor a party to ${f.g.id} at the time.`,
  },
  {
    rule: 9, verdict: 'needs_review', reason: 'TARGET_UNKNOWN',
    when: (f) => f.controllers().length === 0,
    explain: () => 'No target is named and no zone of control covers the place at the time, so whom the attack hit is unknown.',
  },
  {
    rule: 10, verdict: 'needs_review', reason: 'TARGET_OWN_AREA',
    when: (f) => f.controllers().includes(f.perp),
    explain: (f) => `No target is named and the place was ${held(f)}, the perpetrator among them: an attack in its own area needs review.`,
  },
  {
    rule: 11, verdict: 'permitted', reason: 'TARGET_EXCLUDED',
    when: (f) => f.controllers().every((c) => f.g.isExcluded(c)),
    explain: (f) => `No target is named and the place was ${held(f)}, all excluded from ${f.g.id}.`,
  },
  {
    rule: 12, verdict: 'needs_review', reason: 'TARGET_INTERMINGLED',
    when: (f) => f.controllers().some((c) => f.g.isExcluded(c)),
    explain: (f) => `No target is named and the place was ${held(f)}: excluded and covered groups are intermingled there, so separation must be reviewed.`,
  },
  {
    rule: 13, verdict: 'violation', reason: 'TARGET_PARTY',
    when: (f) => f.controllers().some((c) => f.g.isParty(c, f.incident.occurredAt)),
    explain: (f) => `${f.book.describe(f.perp)}${partySince(f, f.perp)}, attacked a place ${held(f)}, a party among them.`,
  },
  {
    rule: 14, verdict: 'not_covered', reason: 'TARGET_NOT_PARTY',
    when: () => true,
    explain: (f) => `No target is named and the place was ${held(f)}, none of them a party to ${f.g.id}.`,
  },
];

/** One finding per agreement that applies at the incident's place and time, sorted by agreement. */
/** The facts of one incident under one agreement; who held the place is looked up once, if asked. */
class Facts implements IncidentFacts {
  readonly book: Rulebook;
  readonly incident: Incident;
  readonly perp: string;
  g!: AgreementView;
  #controllers: string[] | null = null;

  constructor(book: Rulebook, incident: Incident) {
    this.book = book;
    this.incident = incident;
    this.perp = incident.perpetrator ?? '';
  }

  controllers(): string[] {
    const { lon, lat } = this.incident.location;
    return (this.#controllers ??= this.book.controllersAt(lon, lat, this.incident.occurredAt));
  }
}

export function adjudicateIncident(book: Rulebook, incident: Incident): IncidentFinding[] {
  const { lon, lat } = incident.location;
  const t = incident.occurredAt;
  const facts = new Facts(book, incident);
  const findings: IncidentFinding[] = [];
  for (const g of book.agreements) {
    if (!g.appliesAt(lon, lat, t)) continue;
    facts.g = g;
    findings.push(decide(facts));
  }
  if (findings.length === 0) {
    findings.push({
      incident: incident.id, agreement: null, verdict: 'not_covered', violator: null,
      reasons: ['NO_AGREEMENT'], rule: 0, obligation: null, at: t,
      explanation: `NO_AGREEMENT: no agreement was both in force at ${when(t)} and in scope at ${lat.toFixed(4)}N ${lon.toFixed(4)}E.`,
    });
  }
  return findings;
}

function decide(f: IncidentFacts): IncidentFinding {
  const rule = INCIDENT_RULES.find((r) => r.when(f))!;
  const { incident, g } = f;
  let verdict = rule.verdict;
  const reasons: Reason[] = [rule.reason];
  let explanation = `Rule ${rule.rule} (${rule.reason}) of ${g.id}: ${rule.explain(f)}`;
  if (verdict === 'violation' && incident.selfDefenseClaim && g.agreement.selfDefense) {
    verdict = 'needs_review';
    reasons.push('SELF_DEFENSE_CLAIMED');
    explanation += ` The perpetrator claims self-defence (SELF_DEFENSE_CLAIMED), which ${g.id} allows when proportionate: review whether the force used was.`;
  }
  return {
    incident: incident.id,
    agreement: g.id,
    verdict,
    violator: verdict === 'violation' ? incident.perpetrator : null,
    reasons,
    rule: rule.rule,
    obligation: g.obligationFor(incident.act),
    at: incident.occurredAt,
    explanation,
  };
}
