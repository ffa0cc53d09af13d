import { describe, expect, it } from 'vitest';
import type { Area } from './geo.ts';
import type { Agreement, ControlEntry } from './model.ts';
import { controlChanges, territoryFindings } from './territory.ts';
import { actor, agreement, at, control, interval, party, rect, ring, rulebook, zone } from './test-builders.ts';

/** gov, reb, ally are parties since 2016-01-01; nonparty is not; nus is excluded; isil designated. */
const actors = [
  actor('gov'),
  actor('reb'),
  actor('ally'),
  actor('nonparty'),
  actor('nus'),
  actor('isil', { designated: true }),
];
const parties = [
  party('gov', '2016-01-01T00:00:00Z'),
  party('reb', '2016-01-01T00:00:00Z'),
  party('ally', '2016-01-01T00:00:00Z'),
];
const coh = agreement('coh', { parties, excluded: ['nus'] });

const SINCE = '2015-01-01T00:00:00Z';
const CHANGE = '2016-08-27T00:00:00+03:00';
const square = rect(0, 0, 1, 1);

/** A zone held by `before` until CHANGE and by `after` from CHANGE. */
const handover = (before: string[], after: string[]) =>
  zone('z', square, control(before, SINCE, CHANGE), control(after, CHANGE));

const judge = (entries: ControlEntry[], agreements: Agreement[] = [coh], geometry: Area = square) =>
  territoryFindings(rulebook({ actors, agreements }), zone('z', geometry, ...entries));

describe('territoryFindings: the rule table (spec "Territory findings")', () => {
  it.each([
    {
      name: 'taken from an excluded group',
      rule: 1,
      before: ['nus'],
      after: ['gov'],
      verdict: 'permitted',
      reason: 'TERRITORY_FROM_EXCLUDED',
      violators: [],
    },
    {
      name: 'taken from excluded and designated groups',
      rule: 1,
      before: ['isil', 'nus'],
      after: ['reb'],
      verdict: 'permitted',
      reason: 'TERRITORY_FROM_EXCLUDED',
      violators: [],
    },
    {
      name: 'one excluded group taking from another: rule 1 before rule 3',
      rule: 1,
      before: ['nus'],
      after: ['isil'],
      verdict: 'permitted',
      reason: 'TERRITORY_FROM_EXCLUDED',
      violators: [],
    },
    {
      name: 'a party taking from a party',
      rule: 2,
      before: ['reb'],
      after: ['gov'],
      verdict: 'violation',
      reason: 'TERRITORY_SEIZURE',
      violators: ['gov'],
    },
    {
      name: 'a party taking from a party intermingled with an excluded group',
      rule: 2,
      before: ['nus', 'reb'],
      after: ['gov'],
      verdict: 'violation',
      reason: 'TERRITORY_SEIZURE',
      violators: ['gov'],
    },
    {
      name: 'parties and a non-party gaining: only parties are violators',
      rule: 2,
      before: ['reb'],
      after: ['ally', 'gov', 'nonparty'],
      verdict: 'violation',
      reason: 'TERRITORY_SEIZURE',
      violators: ['ally', 'gov'],
    },
    {
      name: 'a party joining a party that keeps its share',
      rule: 2,
      before: ['reb', 'ally'],
      after: ['gov', 'ally'],
      verdict: 'violation',
      reason: 'TERRITORY_SEIZURE',
      violators: ['gov'],
    },
    {
      name: 'an excluded group taking from a party',
      rule: 3,
      before: ['reb'],
      after: ['nus'],
      verdict: 'not_covered',
      reason: 'PERPETRATOR_EXCLUDED',
      violators: [],
    },
    {
      name: 'a designated group taking from a non-party',
      rule: 3,
      before: ['nonparty'],
      after: ['isil'],
      verdict: 'not_covered',
      reason: 'PERPETRATOR_EXCLUDED',
      violators: [],
    },
    {
      name: 'a party taking from a non-party',
      rule: 4,
      before: ['nonparty'],
      after: ['gov'],
      verdict: 'needs_review',
      reason: 'TERRITORY_UNCLEAR',
      violators: [],
    },
    {
      name: 'a non-party taking from a party',
      rule: 4,
      before: ['reb'],
      after: ['nonparty'],
      verdict: 'needs_review',
      reason: 'TERRITORY_UNCLEAR',
      violators: [],
    },
    {
      name: 'a party and an excluded group taking from a non-party',
      rule: 4,
      before: ['nonparty'],
      after: ['gov', 'nus'],
      verdict: 'needs_review',
      reason: 'TERRITORY_UNCLEAR',
      violators: [],
    },
    {
      name: 'a party gaining while the only loser is excluded and a party stays',
      rule: 4,
      before: ['nus', 'reb'],
      after: ['gov', 'reb'],
      verdict: 'needs_review',
      reason: 'TERRITORY_UNCLEAR',
      violators: [],
    },
  ])('rule $rule: $name -> $verdict', ({ rule, before, after, verdict, reason, violators }) => {
    const findings = territoryFindings(rulebook({ actors, agreements: [coh] }), handover(before, after));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      zone: 'z',
      at: at(CHANGE),
      agreement: 'coh',
      verdict,
      reasons: [reason],
      rule,
      violators,
    });
    const says = {
      1: 'territory.from_excluded',
      2: 'territory.seizure',
      3: 'territory.gainers_excluded',
      4: 'territory.unclear',
    }[rule];
    expect(findings[0]!.statements.map((s) => s.code)).toEqual(['finding.rule', 'territory.change', says]);
    expect(findings[0]!.explanation).toMatch(
      /^Rule \d of Agreement coh: On 26 Aug 2016, \d\d:\d\d UTC, control of .+ passed from .+ to .+\. /,
    );
    expect(findings[0]!.explanation).not.toContain(reason);
  });
});

describe('territoryFindings: when there is no finding', () => {
  it('a change with no gainers (a holder leaves, the rest stay)', () => {
    expect(territoryFindings(rulebook({ actors, agreements: [coh] }), handover(['gov', 'reb'], ['gov']))).toEqual([]);
  });

  it('the same holders in a new entry', () => {
    expect(territoryFindings(rulebook({ actors, agreements: [coh] }), handover(['reb'], ['reb']))).toEqual([]);
  });

  it.each([
    { name: 'a gap of one millisecond', next: '2016-08-27T00:00:00.001+03:00' },
    { name: 'a gap of a day', next: '2016-08-28T00:00:00+03:00' },
  ])('a gap between entries: $name', ({ next }) => {
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], next)])).toEqual([]);
  });

  it('overlapping entries (the next starts before the previous ends) are not a handover', () => {
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], '2016-08-26T00:00:00+03:00')])).toEqual([]);
  });

  it('an agreement that does not prohibit territory_seizure', () => {
    const lax = agreement('lax', { parties, prohibited: ['air_strike', 'shelling'] });
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [lax])).toEqual([]);
  });

  it.each([
    { name: 'not yet in force at the change', inForce: [interval('2016-08-27T00:00:00.001+03:00')] },
    { name: 'its in-force interval ends exactly at the change', inForce: [interval('2016-02-27T00:00:00Z', CHANGE)] },
  ])('an agreement that does not apply at that time: $name', ({ inForce }) => {
    const g = agreement('g', { parties, inForce });
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [g])).toEqual([]);
  });

  it('an agreement whose scope does not hold the zone (zone in a hole of the scope)', () => {
    const g = agreement('g', { parties, scope: rect(-5, -5, 5, 5, ring(-2, -2, 2, 2)) });
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [g])).toEqual([]);
  });

  it('a single entry', () => {
    expect(judge([control(['gov'], SINCE)])).toEqual([]);
  });
});

describe('territoryFindings: which agreements and when', () => {
  it('an agreement whose scope holds the zone applies', () => {
    const g = agreement('g', { parties, scope: rect(-5, -5, 5, 5) });
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [g])).toMatchObject([
      { agreement: 'g', verdict: 'violation' },
    ]);
  });

  it('an agreement entering into force exactly at the change applies', () => {
    const g = agreement('g', { parties, inForce: [interval(CHANGE)] });
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [g])).toMatchObject([
      { agreement: 'g', verdict: 'violation' },
    ]);
  });

  it('the loser withdrew exactly at the change: not a party then, so unclear rather than seizure', () => {
    const g = agreement('g', {
      parties: [party('gov', '2016-01-01T00:00:00Z'), party('reb', '2016-01-01T00:00:00Z', CHANGE)],
    });
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [g])).toMatchObject([
      { verdict: 'needs_review', reasons: ['TERRITORY_UNCLEAR'], violators: [] },
    ]);
  });

  it('the gainer accepted exactly at the change: a party then', () => {
    const g = agreement('g', { parties: [party('gov', CHANGE), party('reb', '2016-01-01T00:00:00Z')] });
    expect(judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [g])).toMatchObject([
      { verdict: 'violation', violators: ['gov'] },
    ]);
  });

  it('one finding per applying agreement, each under its own parties, sorted by agreement id', () => {
    const narrow = agreement('a-narrow', { parties: [party('gov', '2016-01-01T00:00:00Z')] });
    const findings = judge([control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)], [coh, narrow]);
    expect(findings.map((f) => [f.agreement, f.verdict])).toEqual([
      ['a-narrow', 'needs_review'],
      ['coh', 'violation'],
    ]);
  });

  it('several changes in one zone, listed out of order, each at the start of the new entry, in time order', () => {
    const findings = judge([
      control(['gov'], '2016-09-01T00:00:00Z'),
      control(['reb'], SINCE, '2016-06-01T00:00:00Z'),
      control(['nus'], '2016-06-01T00:00:00Z', '2016-09-01T00:00:00Z'),
    ]);
    expect(findings.map((f) => [f.at, f.verdict, f.reasons[0]])).toEqual([
      [at('2016-06-01T00:00:00Z'), 'not_covered', 'PERPETRATOR_EXCLUDED'],
      [at('2016-09-01T00:00:00Z'), 'permitted', 'TERRITORY_FROM_EXCLUDED'],
    ]);
  });

  it('works for a zone with a hole and for a MultiPolygon zone (judged at a point inside)', () => {
    const g = agreement('g', { parties, scope: rect(-5, -5, 5, 5) });
    const donut = rect(-4, -4, 4, 4, ring(-3.5, -3.5, 3.5, 3.5));
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [rect(0, 0, 1, 1).coordinates, rect(3, -4, 4, -2).coordinates],
    };
    const entries = [control(['reb'], SINCE, CHANGE), control(['gov'], CHANGE)];
    expect(judge(entries, [g], donut)).toMatchObject([{ verdict: 'violation' }]);
    expect(judge(entries, [g], multi)).toMatchObject([{ verdict: 'violation' }]);
    // Wholly outside the scope: no finding.
    const farMulti = {
      type: 'MultiPolygon' as const,
      coordinates: [rect(10, 10, 11, 11).coordinates, rect(20, 20, 21, 21).coordinates],
    };
    expect(judge(entries, [g], farMulti)).toEqual([]);
  });
});

describe('controlChanges', () => {
  it('gives gainers and losers of each handover', () => {
    const changes = controlChanges(
      zone('z', square, control(['nus', 'reb'], SINCE, CHANGE), control(['gov', 'reb'], CHANGE)),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      at: at(CHANGE),
      before: ['nus', 'reb'],
      after: ['gov', 'reb'],
      gainers: ['gov'],
      losers: ['nus'],
    });
  });
});
