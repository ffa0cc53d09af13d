/**
 * Incident adjudication (spec: "Incident findings"). The rules are data: an ordered table of
 * conditions, each with the verdict and reason it gives and the words that explain it. The first
 * rule whose condition holds decides.
 */
import type { IncidentFinding, Reason, Verdict } from './findings.ts';
import type { CivilianTarget, Incident } from './model.ts';
import type { AgreementView, Holders, Rulebook } from './rulebook.ts';
import { paragraphEnglish, type Statement, statement, type Term, term } from './statements.ts';

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
  explain(f: IncidentFacts): Statement;
}

const targetActor = (f: IncidentFacts): string | null =>
  f.incident.target !== null && 'actor' in f.incident.target ? f.incident.target.actor : null;
const targetCivilian = (f: IncidentFacts): CivilianTarget | null =>
  f.incident.target !== null && 'civilian' in f.incident.target ? f.incident.target.civilian : null;

/** "a party since 26 Feb 2016", or "a party" when the acceptance is not on record. */
const standing = (f: IncidentFacts, actor: string): Term => {
  const entry = f.g.partyEntry(actor, f.incident.occurredAt);
  return term.statement(
    entry ? statement('party.since', { at: term.instant(entry.acceptedAt) }) : statement('party.plain'),
  );
};

/** What the act did to its object, in the act's own words. */
const actOn = (f: IncidentFacts, object: Term): Term => term.statement(statement(`act.${f.incident.act}`, { object }));

const who = (f: IncidentFacts) => ({ perpetrator: term.actor(f.perp), agreement: term.agreement(f.g.id) });
const holders = (f: IncidentFacts) => ({ holders: term.actors(f.controllers()), agreement: term.agreement(f.g.id) });

export const INCIDENT_RULES: readonly IncidentRule[] = [
  {
    rule: 1,
    verdict: 'permitted',
    reason: 'ACT_NOT_PROHIBITED',
    when: (f) => !f.g.prohibits(f.incident.act),
    explain: (f) =>
      statement('finding.act_not_prohibited', { act: { act: f.incident.act }, agreement: term.agreement(f.g.id) }),
  },
  {
    rule: 2,
    verdict: 'needs_review',
    reason: 'PERPETRATOR_UNKNOWN',
    when: (f) => f.incident.perpetrator === null,
    explain: () => statement('finding.perpetrator_unknown'),
  },
  {
    rule: 3,
    verdict: 'not_covered',
    reason: 'PERPETRATOR_EXCLUDED',
    when: (f) => f.g.isExcluded(f.perp),
    explain: (f) => statement('finding.perpetrator_excluded', who(f)),
  },
  {
    rule: 4,
    verdict: 'not_covered',
    reason: 'PERPETRATOR_NOT_PARTY',
    when: (f) => !f.g.isParty(f.perp, f.incident.occurredAt),
    explain: (f) => {
      const entry = f.g.partyEntry(f.perp, f.incident.occurredAt);
      if (!entry) return statement('finding.perpetrator_never_party', who(f));
      return entry.acceptedAt > f.incident.occurredAt
        ? statement('finding.perpetrator_not_yet_party', { ...who(f), at: term.instant(entry.acceptedAt) })
        : statement('finding.perpetrator_withdrew', { ...who(f), at: term.instant(entry.until ?? 0) });
    },
  },
  {
    rule: 5,
    verdict: 'violation',
    reason: 'TARGET_CIVILIAN',
    when: (f) => targetCivilian(f) !== null,
    explain: (f) =>
      statement('finding.target_civilian', {
        perpetrator: term.actor(f.perp),
        standing: standing(f, f.perp),
        act: actOn(f, { civilian: targetCivilian(f)! }),
      }),
  },
  {
    rule: 6,
    verdict: 'permitted',
    reason: 'TARGET_EXCLUDED',
    when: (f) => {
      const x = targetActor(f);
      return x !== null && f.g.isExcluded(x);
    },
    explain: (f) =>
      statement('finding.target_excluded', { target: term.actor(targetActor(f)!), agreement: term.agreement(f.g.id) }),
  },
  {
    rule: 7,
    verdict: 'violation',
    reason: 'TARGET_PARTY',
    when: (f) => {
      const x = targetActor(f);
      return x !== null && f.g.isParty(x, f.incident.occurredAt);
    },
    explain: (f) =>
      statement('finding.target_party', {
        perpetrator: term.actor(f.perp),
        standing: standing(f, f.perp),
        act: actOn(f, term.actor(targetActor(f)!)),
        target_standing: standing(f, targetActor(f)!),
      }),
  },
  {
    rule: 8,
    verdict: 'not_covered',
    reason: 'TARGET_NOT_PARTY',
    when: (f) => targetActor(f) !== null,
    explain: (f) =>
      statement('finding.target_not_party', { target: term.actor(targetActor(f)!), agreement: term.agreement(f.g.id) }),
  },
  {
    rule: 9,
    verdict: 'needs_review',
    reason: 'TARGET_UNKNOWN',
    when: (f) => f.controllers().length === 0,
    explain: () => statement('finding.target_unknown'),
  },
  {
    rule: 10,
    verdict: 'needs_review',
    reason: 'TARGET_OWN_AREA',
    when: (f) => f.controllers().includes(f.perp),
    explain: (f) => statement('finding.target_own_area', holders(f)),
  },
  {
    rule: 11,
    verdict: 'permitted',
    reason: 'TARGET_EXCLUDED',
    when: (f) => f.controllers().every((c) => f.g.isExcluded(c)),
    explain: (f) => statement('finding.target_area_excluded', holders(f)),
  },
  {
    rule: 12,
    verdict: 'needs_review',
    reason: 'TARGET_INTERMINGLED',
    when: (f) => f.controllers().some((c) => f.g.isExcluded(c)),
    explain: (f) => statement('finding.target_intermingled', holders(f)),
  },
  {
    rule: 13,
    verdict: 'violation',
    reason: 'TARGET_PARTY',
    when: (f) => f.controllers().some((c) => f.g.isParty(c, f.incident.occurredAt)),
    explain: (f) =>
      statement('finding.target_area_party', {
        perpetrator: term.actor(f.perp),
        standing: standing(f, f.perp),
        act: actOn(f, term.statement(statement('object.place_held', { holders: term.actors(f.controllers()) }))),
      }),
  },
  {
    rule: 14,
    verdict: 'not_covered',
    reason: 'TARGET_NOT_PARTY',
    when: () => true,
    explain: (f) => statement('finding.target_area_not_party', holders(f)),
  },
];

/**
 * The facts of one incident under one agreement. Who held the place is looked up once, if a rule
 * asks; the zones that answered are what the finding rests on besides the incident and the
 * agreement (a reader who may not see one of them may not see the finding: docs/confidentiality.md).
 */
class Facts implements IncidentFacts {
  readonly book: Rulebook;
  readonly incident: Incident;
  readonly perp: string;
  #g!: AgreementView;
  #holders: Holders | null = null;
  /** Whether a rule asked who held the place while judging under the current agreement. */
  #asked = false;

  constructor(book: Rulebook, incident: Incident) {
    this.book = book;
    this.incident = incident;
    this.perp = incident.perpetrator ?? '';
  }

  get g(): AgreementView {
    return this.#g;
  }

  /** Judging under another agreement: nothing asked yet. */
  set g(g: AgreementView) {
    this.#g = g;
    this.#asked = false;
  }

  controllers(): string[] {
    const { lon, lat } = this.incident.location;
    this.#asked = true;
    return (this.#holders ??= this.book.holdersAt(lon, lat, this.incident.occurredAt)).actors;
  }

  /** The zones the decision read: none unless a rule asked who held the place. */
  get zonesRead(): string[] {
    return this.#asked ? this.#holders!.zones : [];
  }
}

/** One finding per agreement that applies at the incident's place and time, sorted by agreement. */
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
    const statements = [statement('finding.no_agreement', { at: term.instant(t), point: { point: { lon, lat } } })];
    findings.push({
      incident: incident.id,
      agreement: null,
      verdict: 'not_covered',
      violator: null,
      reasons: ['NO_AGREEMENT'],
      rule: 0,
      obligation: null,
      at: t,
      restsOnZones: [],
      statements,
      explanation: paragraphEnglish(statements, book.names),
    });
  }
  return findings;
}

function decide(f: Facts): IncidentFinding {
  const rule = INCIDENT_RULES.find((r) => r.when(f))!;
  const { incident, g } = f;
  let verdict = rule.verdict;
  const reasons: Reason[] = [rule.reason];
  const statements = [
    statement('finding.rule', { rule: { number: rule.rule }, agreement: term.agreement(g.id) }),
    rule.explain(f),
  ];
  if (verdict === 'violation' && incident.selfDefenseClaim && g.agreement.selfDefense) {
    verdict = 'needs_review';
    reasons.push('SELF_DEFENSE_CLAIMED');
    statements.push(statement('finding.self_defense', { agreement: term.agreement(g.id) }));
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
    restsOnZones: f.zonesRead,
    statements,
    explanation: paragraphEnglish(statements, f.book.names),
  };
}
