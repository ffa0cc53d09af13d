/**
 * Territory findings (spec: "Territory findings"): a change of control is an entry that starts
 * at the instant an earlier entry of the same zone ends. Gainers are judged under every agreement
 * that applies at the zone at that instant and prohibits territory seizure.
 */
import type { Reason, TerritoryFinding, Verdict } from './findings.ts';
import { pointOnSurface } from './geo.ts';
import type { Zone } from './model.ts';
import { type AgreementView, compareIds, type Rulebook } from './rulebook.ts';
import { paragraphEnglish, type Statement, statement, term } from './statements.ts';
import type { Instant } from './time.ts';

export interface ControlChange {
  zone: Zone;
  at: Instant;
  before: string[];
  after: string[];
  gainers: string[];
  losers: string[];
}

/** Every change of control in a zone, in time order; one per entry that follows another. */
export function controlChanges(zone: Zone): ControlChange[] {
  const changes: ControlChange[] = [];
  for (const entry of zone.control) {
    const previous = zone.control.filter((p) => p !== entry && p.to === entry.from && p.from < entry.from);
    if (previous.length === 0) continue;
    const before = [...new Set(previous.flatMap((p) => p.actors))].sort();
    const after = [...new Set(entry.actors)].sort();
    changes.push({
      zone,
      at: entry.from,
      before,
      after,
      gainers: after.filter((a) => !before.includes(a)),
      losers: before.filter((a) => !after.includes(a)),
    });
  }
  return changes.sort((a, b) => a.at - b.at);
}

interface TerritoryRule {
  rule: number;
  verdict: Verdict;
  reason: Reason;
  when(c: ControlChange, g: AgreementView): boolean;
  explain(c: ControlChange, g: AgreementView): Statement;
}

const partiesAt = (actors: string[], g: AgreementView, t: Instant) => actors.filter((a) => g.isParty(a, t));

export const TERRITORY_RULES: readonly TerritoryRule[] = [
  {
    rule: 1,
    verdict: 'permitted',
    reason: 'TERRITORY_FROM_EXCLUDED',
    when: (c, g) => c.before.every((a) => g.isExcluded(a)),
    explain: (_c, g) => statement('territory.from_excluded', { agreement: term.agreement(g.id) }),
  },
  {
    rule: 2,
    verdict: 'violation',
    reason: 'TERRITORY_SEIZURE',
    when: (c, g) => partiesAt(c.gainers, g, c.at).length > 0 && partiesAt(c.losers, g, c.at).length > 0,
    explain: (c, g) =>
      statement('territory.seizure', {
        gainers: term.actors(partiesAt(c.gainers, g, c.at)),
        losers: term.actors(partiesAt(c.losers, g, c.at)),
      }),
  },
  {
    rule: 3,
    verdict: 'not_covered',
    reason: 'PERPETRATOR_EXCLUDED',
    when: (c, g) => c.gainers.every((a) => g.isExcluded(a)),
    explain: (_c, g) => statement('territory.gainers_excluded', { agreement: term.agreement(g.id) }),
  },
  {
    rule: 4,
    verdict: 'needs_review',
    reason: 'TERRITORY_UNCLEAR',
    when: () => true,
    explain: () => statement('territory.unclear'),
  },
];

export function territoryFindings(book: Rulebook, zone: Zone): TerritoryFinding[] {
  const changes = controlChanges(zone).filter((c) => c.gainers.length > 0);
  if (changes.length === 0) return [];
  const [lon, lat] = pointOnSurface(zone.geometry);
  const findings: TerritoryFinding[] = [];
  for (const change of changes) {
    for (const g of book.agreements) {
      if (!g.prohibits('territory_seizure') || !g.appliesAt(lon, lat, change.at)) continue;
      const rule = TERRITORY_RULES.find((r) => r.when(change, g))!;
      const statements = explainChange(g, change, rule);
      findings.push({
        zone: zone.id,
        at: change.at,
        agreement: g.id,
        verdict: rule.verdict,
        violators: rule.verdict === 'violation' ? partiesAt(change.gainers, g, change.at) : [],
        reasons: [rule.reason],
        rule: rule.rule,
        gainers: change.gainers,
        losers: change.losers,
        statements,
        explanation: paragraphEnglish(statements, book.names),
      });
    }
  }
  return findings.sort((a, b) => a.at - b.at || compareIds(a.agreement, b.agreement));
}

function explainChange(g: AgreementView, c: ControlChange, rule: TerritoryRule): Statement[] {
  return [
    statement('finding.rule', { rule: { number: rule.rule }, agreement: term.agreement(g.id) }),
    statement('territory.change', {
      at: term.instant(c.at),
      zone: { zone: c.zone.id, name: c.zone.name },
      before: term.actors(c.before),
      after: term.actors(c.after),
    }),
    rule.explain(c, g),
  ];
}
