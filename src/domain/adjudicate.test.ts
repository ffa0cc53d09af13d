import { describe, expect, it } from 'vitest';
import { adjudicateIncident, INCIDENT_RULES } from './adjudicate.ts';
import { ACTS, type Incident } from './model.ts';
import {
  actor,
  agreement,
  at,
  control,
  incident,
  interval,
  party,
  rect,
  ring,
  rulebook,
  zone,
} from './test-builders.ts';

/**
 * One world for the rule table. Actors: gov, reb, ally are parties; nonparty is neither party nor
 * excluded; nus is excluded by name; isil is only designated; both-pe is a party that is also
 * named excluded. Each zone is a 1 x 1 square along the equator, held since 2015.
 */
const SINCE = '2015-01-01T00:00:00Z';
const zones = [
  zone('z-reb', rect(0, 0, 1, 1), control(['reb'], SINCE)),
  zone('z-gov', rect(1, 0, 2, 1), control(['gov'], SINCE)),
  zone('z-nus', rect(2, 0, 3, 1), control(['nus'], SINCE)),
  zone('z-excluded', rect(3, 0, 4, 1), control(['isil', 'nus'], SINCE)),
  zone('z-mixed', rect(4, 0, 5, 1), control(['nus', 'reb'], SINCE)),
  zone('z-nonparty', rect(5, 0, 6, 1), control(['nonparty'], SINCE)),
  zone('z-reb-nonparty', rect(6, 0, 7, 1), control(['nonparty', 'reb'], SINCE)),
  zone('z-gov-nus', rect(7, 0, 8, 1), control(['gov', 'nus'], SINCE)),
  zone('z-lapsed', rect(8, 0, 9, 1), control(['reb'], SINCE, '2016-01-01T00:00:00Z')),
  zone('z-nonparty-excluded', rect(9, 0, 10, 1), control(['nonparty', 'nus'], SINCE)),
];
const actors = [
  actor('gov', { kind: 'state', name: 'The Government' }),
  actor('reb', { name: 'Rebels' }),
  actor('ally', { name: 'Allies' }),
  actor('nonparty', { name: 'Outsiders' }),
  actor('nus', { name: 'Front' }),
  actor('isil', { designated: true, name: 'State' }),
  actor('both-pe', { name: 'Twofold' }),
];
const coh = agreement('coh', {
  title: 'Cessation of Hostilities',
  inForce: [interval('2016-02-27T00:00:00+02:00')],
  parties: [
    party('gov', '2016-02-26T10:00:00+02:00'),
    party('reb', '2016-02-26T11:00:00+02:00'),
    party('ally', '2016-02-26T11:00:00+02:00'),
    party('both-pe', '2016-02-26T11:00:00+02:00'),
  ],
  excluded: ['nus', 'both-pe'],
  selfDefense: true,
});
const book = rulebook({ actors, agreements: [coh], zones });

/** Centre of the zone square with index k (z-reb is 0). */
const inZone = (k: number) => ({ lon: k + 0.5, lat: 0.5 });
const zoneAt = (p: { lon: number; lat: number } | undefined) => zones[Math.floor((p ?? { lon: 0.5 }).lon)] ?? zones[0]!;
/** The statement each rule explains itself with (rule 4 has three, by the party's standing). */
const SAYS: Record<number, (code: string) => string> = {
  1: () => 'finding.act_not_prohibited',
  2: () => 'finding.perpetrator_unknown',
  3: () => 'finding.perpetrator_excluded',
  4: (code) =>
    ['finding.perpetrator_never_party', 'finding.perpetrator_not_yet_party', 'finding.perpetrator_withdrew'].includes(
      code,
    )
      ? code
      : 'rule 4',
  5: () => 'finding.target_civilian',
  6: () => 'finding.target_excluded',
  7: () => 'finding.target_party',
  8: () => 'finding.target_not_party',
  9: () => 'finding.target_unknown',
  10: () => 'finding.target_own_area',
  11: () => 'finding.target_area_excluded',
  12: () => 'finding.target_intermingled',
  13: () => 'finding.target_area_party',
  14: () => 'finding.target_area_not_party',
};
const NOWHERE = { lon: 50, lat: 20 };

describe('adjudicateIncident: the rule table (spec "Incident findings")', () => {
  it.each<{ name: string; rule: number; i: Partial<Incident>; verdict: string; reasons: string[]; violator?: string }>([
    {
      name: 'act not prohibited (even unattributed)',
      rule: 1,
      i: { act: 'arrest' },
      verdict: 'permitted',
      reasons: ['ACT_NOT_PROHIBITED'],
    },
    {
      name: 'act not prohibited, by a party against a civilian',
      rule: 1,
      i: { act: 'other', perpetrator: 'gov', target: { civilian: 'hospital' } },
      verdict: 'permitted',
      reasons: ['ACT_NOT_PROHIBITED'],
    },
    {
      name: 'perpetrator unknown',
      rule: 2,
      i: { perpetrator: null, target: { civilian: 'market' } },
      verdict: 'needs_review',
      reasons: ['PERPETRATOR_UNKNOWN'],
    },
    {
      name: 'perpetrator excluded by name',
      rule: 3,
      i: { perpetrator: 'nus', target: { civilian: 'school' } },
      verdict: 'not_covered',
      reasons: ['PERPETRATOR_EXCLUDED'],
    },
    {
      name: 'perpetrator designated, not named in excluded',
      rule: 3,
      i: { perpetrator: 'isil', target: { actor: 'reb' } },
      verdict: 'not_covered',
      reasons: ['PERPETRATOR_EXCLUDED'],
    },
    {
      name: 'perpetrator both a party and excluded: exclusion decides',
      rule: 3,
      i: { perpetrator: 'both-pe', target: { actor: 'gov' } },
      verdict: 'not_covered',
      reasons: ['PERPETRATOR_EXCLUDED'],
    },
    {
      name: 'perpetrator not a party',
      rule: 4,
      i: { perpetrator: 'nonparty', target: { civilian: 'hospital' } },
      verdict: 'not_covered',
      reasons: ['PERPETRATOR_NOT_PARTY'],
    },
    {
      name: 'perpetrator unknown to the world is not a party',
      rule: 4,
      i: { perpetrator: 'stranger', target: { actor: 'gov' } },
      verdict: 'not_covered',
      reasons: ['PERPETRATOR_NOT_PARTY'],
    },
    {
      name: 'civilian target',
      rule: 5,
      i: { perpetrator: 'gov', target: { civilian: 'hospital' } },
      verdict: 'violation',
      reasons: ['TARGET_CIVILIAN'],
      violator: 'gov',
    },
    {
      name: 'civilian target in an excluded area still a violation',
      rule: 5,
      i: { perpetrator: 'gov', target: { civilian: 'residential' }, location: inZone(2) },
      verdict: 'violation',
      reasons: ['TARGET_CIVILIAN'],
      violator: 'gov',
    },
    {
      name: 'target actor excluded by name',
      rule: 6,
      i: { perpetrator: 'gov', target: { actor: 'nus' } },
      verdict: 'permitted',
      reasons: ['TARGET_EXCLUDED'],
    },
    {
      name: 'target actor designated only',
      rule: 6,
      i: { perpetrator: 'gov', target: { actor: 'isil' } },
      verdict: 'permitted',
      reasons: ['TARGET_EXCLUDED'],
    },
    {
      name: 'target actor both a party and excluded: exclusion decides',
      rule: 6,
      i: { perpetrator: 'gov', target: { actor: 'both-pe' } },
      verdict: 'permitted',
      reasons: ['TARGET_EXCLUDED'],
    },
    {
      name: 'target actor a party',
      rule: 7,
      i: { perpetrator: 'gov', target: { actor: 'reb' } },
      verdict: 'violation',
      reasons: ['TARGET_PARTY'],
      violator: 'gov',
    },
    {
      name: 'target actor a party, in a place held by the perpetrator',
      rule: 7,
      i: { perpetrator: 'gov', target: { actor: 'reb' }, location: inZone(1) },
      verdict: 'violation',
      reasons: ['TARGET_PARTY'],
      violator: 'gov',
    },
    {
      name: 'target actor neither party nor excluded',
      rule: 8,
      i: { perpetrator: 'gov', target: { actor: 'nonparty' } },
      verdict: 'not_covered',
      reasons: ['TARGET_NOT_PARTY'],
    },
    {
      name: 'no target, nobody holds the place',
      rule: 9,
      i: { perpetrator: 'gov', location: NOWHERE },
      verdict: 'needs_review',
      reasons: ['TARGET_UNKNOWN'],
    },
    {
      name: 'no target, the only zone there was held only before',
      rule: 9,
      i: { perpetrator: 'gov', location: inZone(8) },
      verdict: 'needs_review',
      reasons: ['TARGET_UNKNOWN'],
    },
    {
      name: "no target, in the perpetrator's own area",
      rule: 10,
      i: { perpetrator: 'gov', location: inZone(1) },
      verdict: 'needs_review',
      reasons: ['TARGET_OWN_AREA'],
    },
    {
      name: 'no target, own area shared with an excluded group',
      rule: 10,
      i: { perpetrator: 'gov', location: inZone(7) },
      verdict: 'needs_review',
      reasons: ['TARGET_OWN_AREA'],
    },
    {
      name: 'no target, held by one excluded group',
      rule: 11,
      i: { perpetrator: 'gov', location: inZone(2) },
      verdict: 'permitted',
      reasons: ['TARGET_EXCLUDED'],
    },
    {
      name: 'no target, held by excluded and designated groups',
      rule: 11,
      i: { perpetrator: 'gov', location: inZone(3) },
      verdict: 'permitted',
      reasons: ['TARGET_EXCLUDED'],
    },
    {
      name: 'no target, a party intermingled with an excluded group',
      rule: 12,
      i: { perpetrator: 'gov', location: inZone(4) },
      verdict: 'needs_review',
      reasons: ['TARGET_INTERMINGLED'],
    },
    {
      name: 'no target, a non-party intermingled with an excluded group',
      rule: 12,
      i: { perpetrator: 'gov', location: inZone(9) },
      verdict: 'needs_review',
      reasons: ['TARGET_INTERMINGLED'],
    },
    {
      name: 'no target, held by a party',
      rule: 13,
      i: { perpetrator: 'gov', location: inZone(0) },
      verdict: 'violation',
      reasons: ['TARGET_PARTY'],
      violator: 'gov',
    },
    {
      name: 'no target, held by a party and a non-party',
      rule: 13,
      i: { perpetrator: 'gov', location: inZone(6) },
      verdict: 'violation',
      reasons: ['TARGET_PARTY'],
      violator: 'gov',
    },
    {
      name: 'no target, held by a non-party',
      rule: 14,
      i: { perpetrator: 'gov', location: inZone(5) },
      verdict: 'not_covered',
      reasons: ['TARGET_NOT_PARTY'],
    },
  ])('rule $rule: $name -> $verdict $reasons', ({ rule, i, verdict, reasons, violator }) => {
    const findings = adjudicateIncident(book, incident('i1', i));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ incident: 'i1', agreement: 'coh', verdict, reasons, rule, violator: violator ?? null });
    // The words people read: the rule's own statement, rendered with names, never ids or reason codes.
    expect(f!.statements.map((s) => s.code)).toEqual(['finding.rule', SAYS[rule]!(f!.statements[1]!.code)]);
    expect(f!.explanation).toMatch(new RegExp(`^Rule ${rule} of Cessation of Hostilities: `));
    expect(f!.explanation).not.toContain(reasons[0]);
    for (const id of ['gov', 'reb', 'nus', 'isil', 'nonparty', 'both-pe', 'coh'])
      expect(f!.explanation).not.toMatch(new RegExp(`\\(${id}\\)|\\b${id}\\b`));
    // Only the rules that ask who held the place rest on zones: the zones that answered.
    expect(f!.restsOnZones).toEqual(
      rule >= 10 ? zones.filter((z) => z.geometry === zoneAt(i.location).geometry).map((z) => z.id) : [],
    );
  });

  it('the rules are numbered 1 to 14 in order, and the last one always applies', () => {
    expect(INCIDENT_RULES.map((r) => r.rule)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('says what each act did, in its own words', () => {
    const said = ACTS.filter((a) => a !== 'arrest' && a !== 'other').map((act) => {
      const g = agreement('coh', {
        title: 'Cessation of Hostilities',
        inForce: [interval('2016-02-27T00:00:00+02:00')],
        prohibited: [...ACTS],
        parties: coh.parties,
      });
      const [f] = adjudicateIncident(
        rulebook({ actors, agreements: [g], zones }),
        incident('i1', { act, perpetrator: 'gov', target: { civilian: 'convoy' } }),
      );
      return f!.explanation;
    });
    expect(said).toContain(
      'Rule 5 of Cessation of Hostilities: The Government (a party since 26 Feb 2016, 08:00 UTC) denied access to a humanitarian convoy: a civilian target.',
    );
    expect(said).toContain(
      'Rule 5 of Cessation of Hostilities: The Government (a party since 26 Feb 2016, 08:00 UTC) shelled a humanitarian convoy: a civilian target.',
    );
    expect(new Set(said).size).toBe(said.length);
    expect(said.filter((s) => s.includes('attacked'))).toEqual([]);
  });

  it("rests each finding on the zones its own rule read, not on those another agreement's rule read", () => {
    const other = agreement('other', {
      inForce: [interval('2016-01-01T00:00:00Z')],
      prohibited: ['shelling'],
      parties: [party('gov', '2016-01-01T00:00:00Z')],
    });
    const book2 = rulebook({ actors, agreements: [coh, other], zones });
    // Under coh, no target: rule 13 asks who held z-reb. Under "other", air strikes are not prohibited: rule 1, no zone read.
    const findings = adjudicateIncident(
      book2,
      incident('i1', { perpetrator: 'gov', act: 'air_strike', location: inZone(0) }),
    );
    expect(findings.map((f) => [f.agreement, f.rule, f.restsOnZones])).toEqual([
      ['coh', 13, ['z-reb']],
      ['other', 1, []],
    ]);
  });

  it('the rules are numbered 1 to 14 in order, and the last one always applies', () => {
    expect(INCIDENT_RULES.map((r) => r.rule)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('records when the incident happened', () => {
    const t = at('2016-06-01T12:00:00Z');
    expect(adjudicateIncident(book, incident('i1', { occurredAt: t }))[0]!.at).toBe(t);
  });
});

describe('adjudicateIncident: no agreement applies', () => {
  const local = agreement('local', {
    inForce: [
      interval('2016-02-27T00:00:00Z', '2016-04-01T00:00:00Z'),
      interval('2016-05-01T00:00:00Z', '2016-06-01T00:00:00Z'),
    ],
    scope: rect(0, 0, 10, 10, ring(4, 4, 6, 6)),
    parties: [party('gov', '2016-01-01T00:00:00Z'), party('reb', '2016-01-01T00:00:00Z')],
  });
  const local_book = rulebook({ actors, agreements: [local], zones });
  const civilianStrike = { perpetrator: 'gov', target: { civilian: 'hospital' as const } };

  it.each([
    { name: 'before the agreement enters into force', t: '2016-02-26T23:59:59.999Z', where: { lon: 1, lat: 1 } },
    { name: 'exactly when the first interval ends', t: '2016-04-01T00:00:00Z', where: { lon: 1, lat: 1 } },
    { name: 'in the gap between two in-force intervals', t: '2016-04-15T00:00:00Z', where: { lon: 1, lat: 1 } },
    { name: 'exactly when the last interval ends', t: '2016-06-01T00:00:00Z', where: { lon: 1, lat: 1 } },
    { name: 'outside the scope', t: '2016-03-01T00:00:00Z', where: { lon: 11, lat: 1 } },
    { name: 'in a hole of the scope', t: '2016-03-01T00:00:00Z', where: { lon: 5, lat: 5 } },
  ])('$name: one finding, agreement null, NO_AGREEMENT', ({ t, where }) => {
    const findings = adjudicateIncident(
      local_book,
      incident('i1', { ...civilianStrike, occurredAt: at(t), location: where }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      incident: 'i1',
      agreement: null,
      verdict: 'not_covered',
      violator: null,
      reasons: ['NO_AGREEMENT'],
      rule: 0,
    });
    expect(findings[0]!.statements).toEqual([
      { code: 'finding.no_agreement', params: { at: { instant: expect.any(String) }, point: { point: where } } },
    ]);
    expect(findings[0]!.explanation).toMatch(
      /^No agreement was both in force at \d+ \w+ 2016, \d\d:\d\d UTC and in scope at \d+\.\d{4}° N, \d+\.\d{4}° E\.$/,
    );
  });

  it.each([
    { name: 'exactly when it enters into force', t: '2016-02-27T00:00:00Z', where: { lon: 1, lat: 1 } },
    { name: 'in the second interval', t: '2016-05-15T00:00:00Z', where: { lon: 1, lat: 1 } },
    { name: 'in the ring of the scope around the hole', t: '2016-03-01T00:00:00Z', where: { lon: 3, lat: 5 } },
  ])('$name: the agreement applies', ({ t, where }) => {
    const findings = adjudicateIncident(
      local_book,
      incident('i1', { ...civilianStrike, occurredAt: at(t), location: where }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      agreement: 'local',
      verdict: 'violation',
      reasons: ['TARGET_CIVILIAN'],
      violator: 'gov',
    });
  });

  it('with no agreements at all', () => {
    expect(adjudicateIncident(rulebook(), incident('i1'))).toMatchObject([
      { agreement: null, reasons: ['NO_AGREEMENT'] },
    ]);
  });
});

describe('adjudicateIncident: self-defence', () => {
  it.each([
    {
      name: 'a violation claimed as self-defence goes to review',
      selfDefense: true,
      claim: true,
      verdict: 'needs_review',
      reasons: ['TARGET_PARTY', 'SELF_DEFENSE_CLAIMED'],
      violator: null,
    },
    {
      name: 'no claim: still a violation',
      selfDefense: true,
      claim: false,
      verdict: 'violation',
      reasons: ['TARGET_PARTY'],
      violator: 'gov',
    },
    {
      name: 'a claim under an agreement without self-defence: still a violation',
      selfDefense: false,
      claim: true,
      verdict: 'violation',
      reasons: ['TARGET_PARTY'],
      violator: 'gov',
    },
  ])('$name', ({ selfDefense, claim, verdict, reasons, violator }) => {
    const g = agreement('g', {
      parties: [party('gov', '2016-01-01T00:00:00Z'), party('reb', '2016-01-01T00:00:00Z')],
      selfDefense,
    });
    const [f] = adjudicateIncident(
      rulebook({ actors, agreements: [g] }),
      incident('i1', { perpetrator: 'gov', target: { actor: 'reb' }, selfDefenseClaim: claim }),
    );
    expect(f).toMatchObject({ verdict, reasons, violator, rule: 7 });
    expect(f!.statements.some((s) => s.code === 'finding.self_defense')).toBe(reasons.includes('SELF_DEFENSE_CLAIMED'));
  });

  it('a claim on a finding that is not a violation changes nothing', () => {
    const g = agreement('g', { parties: [party('gov', '2016-01-01T00:00:00Z')], selfDefense: true });
    const [f] = adjudicateIncident(
      rulebook({ actors, agreements: [g] }),
      incident('i1', { perpetrator: 'gov', target: { actor: 'nonparty' }, selfDefenseClaim: true }),
    );
    expect(f).toMatchObject({ verdict: 'not_covered', reasons: ['TARGET_NOT_PARTY'], violator: null });
  });

  it('a civilian target claimed as self-defence goes to review too', () => {
    const g = agreement('g', { parties: [party('gov', '2016-01-01T00:00:00Z')], selfDefense: true });
    const [f] = adjudicateIncident(
      rulebook({ actors, agreements: [g] }),
      incident('i1', { perpetrator: 'gov', target: { civilian: 'market' }, selfDefenseClaim: true }),
    );
    expect(f).toMatchObject({
      verdict: 'needs_review',
      reasons: ['TARGET_CIVILIAN', 'SELF_DEFENSE_CLAIMED'],
      violator: null,
    });
  });
});

describe('adjudicateIncident: party(A, G, t) is accepted_at <= t < until', () => {
  const T = '2016-06-01T12:00:00Z';
  const JUST_BEFORE = '2016-06-01T11:59:59.999Z';
  const JUST_AFTER = '2016-06-01T12:00:00.001Z';
  const judge = (perpParty: ReturnType<typeof party>[], targetParty: ReturnType<typeof party>[]) => {
    const g = agreement('g', { parties: [...perpParty, ...targetParty] });
    return adjudicateIncident(
      rulebook({ actors, agreements: [g] }),
      incident('i1', { occurredAt: at(T), perpetrator: 'gov', target: { actor: 'reb' } }),
    )[0]!;
  };
  const rebSince = [party('reb', '2016-01-01T00:00:00Z')];
  const govSince = [party('gov', '2016-01-01T00:00:00Z')];

  it.each([
    {
      name: 'perpetrator accepted exactly at t: a party',
      gov: [party('gov', T)],
      reb: rebSince,
      verdict: 'violation',
      reason: 'TARGET_PARTY',
    },
    {
      name: 'perpetrator accepted just after t: not yet a party',
      gov: [party('gov', JUST_AFTER)],
      reb: rebSince,
      verdict: 'not_covered',
      reason: 'PERPETRATOR_NOT_PARTY',
    },
    {
      name: 'perpetrator withdrew exactly at t: no longer a party',
      gov: [party('gov', '2016-01-01T00:00:00Z', T)],
      reb: rebSince,
      verdict: 'not_covered',
      reason: 'PERPETRATOR_NOT_PARTY',
    },
    {
      name: 'perpetrator withdraws just after t: still a party',
      gov: [party('gov', '2016-01-01T00:00:00Z', JUST_AFTER)],
      reb: rebSince,
      verdict: 'violation',
      reason: 'TARGET_PARTY',
    },
    {
      name: 'perpetrator withdrew before t',
      gov: [party('gov', '2016-01-01T00:00:00Z', JUST_BEFORE)],
      reb: rebSince,
      verdict: 'not_covered',
      reason: 'PERPETRATOR_NOT_PARTY',
    },
    {
      name: 'perpetrator withdrew and accepted again before t',
      gov: [party('gov', '2016-01-01T00:00:00Z', '2016-03-01T00:00:00Z'), party('gov', '2016-05-01T00:00:00Z')],
      reb: rebSince,
      verdict: 'violation',
      reason: 'TARGET_PARTY',
    },
    {
      name: 'perpetrator withdrew, t in the gap before it accepted again',
      gov: [party('gov', '2016-01-01T00:00:00Z', '2016-03-01T00:00:00Z'), party('gov', '2016-07-01T00:00:00Z')],
      reb: rebSince,
      verdict: 'not_covered',
      reason: 'PERPETRATOR_NOT_PARTY',
    },
    {
      name: 'target accepted exactly at t: a party',
      gov: govSince,
      reb: [party('reb', T)],
      verdict: 'violation',
      reason: 'TARGET_PARTY',
    },
    {
      name: 'target withdrew exactly at t: not a party',
      gov: govSince,
      reb: [party('reb', '2016-01-01T00:00:00Z', T)],
      verdict: 'not_covered',
      reason: 'TARGET_NOT_PARTY',
    },
    {
      name: 'target accepts only after t: not a party',
      gov: govSince,
      reb: [party('reb', JUST_AFTER)],
      verdict: 'not_covered',
      reason: 'TARGET_NOT_PARTY',
    },
  ])('$name -> $verdict $reason', ({ gov, reb, verdict, reason }) => {
    expect(judge(gov, reb)).toMatchObject({ verdict, reasons: [reason] });
  });

  it("controllers that withdrew exactly at t do not make a place a party's (rule 14, not 13)", () => {
    const g = agreement('g', {
      parties: [party('gov', '2016-01-01T00:00:00Z'), party('reb', '2016-01-01T00:00:00Z', T)],
    });
    const [f] = adjudicateIncident(
      rulebook({ actors, agreements: [g], zones }),
      incident('i1', { occurredAt: at(T), perpetrator: 'gov', location: inZone(0) }),
    );
    expect(f).toMatchObject({ verdict: 'not_covered', reasons: ['TARGET_NOT_PARTY'], rule: 14 });
  });
});

describe('adjudicateIncident: several agreements', () => {
  const parties = [party('gov', '2016-01-01T00:00:00Z'), party('reb', '2016-01-01T00:00:00Z')];
  const agreements = [
    agreement('z-local', { scope: rect(0, 0, 1, 1), parties }),
    agreement('b-airspace', { prohibited: ['missile'], parties }),
    agreement('a-national', { parties: [party('gov', '2016-01-01T00:00:00Z')] }),
    agreement('m-expired', { inForce: [interval('2015-01-01T00:00:00Z', '2016-01-01T00:00:00Z')], parties }),
  ];
  const many = rulebook({ actors, agreements, zones });

  it('gives one finding per agreement that applies, sorted by agreement id, each judged under its own terms', () => {
    const findings = adjudicateIncident(
      many,
      incident('i1', { perpetrator: 'gov', target: { actor: 'reb' }, location: { lon: 0.5, lat: 0.5 } }),
    );
    expect(findings.map((f) => [f.agreement, f.verdict, f.reasons[0], f.violator])).toEqual([
      ['a-national', 'not_covered', 'TARGET_NOT_PARTY', null],
      ['b-airspace', 'permitted', 'ACT_NOT_PROHIBITED', null],
      ['z-local', 'violation', 'TARGET_PARTY', 'gov'],
    ]);
  });

  it('leaves out an agreement whose scope does not hold the place', () => {
    const findings = adjudicateIncident(
      many,
      incident('i1', { perpetrator: 'gov', target: { actor: 'reb' }, location: { lon: 5.5, lat: 0.5 } }),
    );
    expect(findings.map((f) => f.agreement)).toEqual(['a-national', 'b-airspace']);
  });
});

describe('adjudicateIncident: obligations', () => {
  it('names the obligation of the first clause that covers the act, or null', () => {
    const g = agreement('g', {
      parties: [party('gov', '2016-01-01T00:00:00Z')],
      clauses: [
        { code: 'T2', text: 'no attacks', acts: ['air_strike', 'shelling'] },
        { code: 'T3', text: 'no air', acts: ['air_strike'] },
      ],
    });
    const book1 = rulebook({ actors, agreements: [g] });
    expect(
      adjudicateIncident(book1, incident('i1', { perpetrator: 'gov', target: { civilian: 'hospital' } }))[0]!
        .obligation,
    ).toBe('T2');
    expect(
      adjudicateIncident(
        book1,
        incident('i1', { act: 'missile', perpetrator: 'gov', target: { civilian: 'hospital' } }),
      )[0]!.obligation,
    ).toBeNull();
  });
});
