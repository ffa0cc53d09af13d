import { describe, expect, it } from 'vitest';
import { median, type PlanRequest, planFigures } from './plan-figures.ts';

const H = 3_600_000;
const DARAYA = { name: 'Daraya', lon: 36.23, lat: 33.46 };
const MOADAMIYEH = { name: 'Moadamiyeh', lon: 36.19, lat: 33.46 };

const request = (over: Partial<PlanRequest> = {}): PlanRequest => ({
  state: 'submitted',
  submittedAt: 0,
  beneficiariesPlanned: 1000,
  beneficiariesReached: null,
  destinations: [DARAYA],
  requiredApprovals: ['gov'],
  decisions: [],
  ...over,
});
const decision = (
  actor: string,
  d: 'approve' | 'approve_with_conditions' | 'deny',
  hours: number,
  left: number[] = [],
) => ({
  actor,
  decision: d,
  decidedAt: hours * H,
  excludedDestinations: left,
});

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 2.5],
  ])('of %j is %s', (values, expected) => expect(median(values)).toBe(expected));
});

describe('the monthly plan’s figures', () => {
  it.each<[string, PlanRequest, Partial<Record<string, number>>]>([
    ['a draft is not planned', request({ state: 'draft' }), { planned: 0 }],
    ['submitted: awaiting', request(), { planned: 1, awaiting: 1, approved: 0, beneficiariesPlanned: 1000 }],
    ['denied', request({ state: 'denied' }), { planned: 1, denied: 1, approved: 0 }],
    ['partly approved counts as approved', request({ state: 'partly_approved' }), { approved: 1, denied: 0 }],
    ['turned back: approved and stopped', request({ state: 'turned_back' }), { approved: 1, stopped: 1, delivered: 0 }],
    ['attacked: stopped', request({ state: 'attacked' }), { stopped: 1 }],
    [
      'delivered, with the beneficiaries reached',
      request({ state: 'delivered', beneficiariesReached: 800 }),
      { approved: 1, delivered: 1, beneficiariesPlanned: 1000, beneficiariesReached: 800 },
    ],
  ])('%s', (_, r, expected) => {
    const { total, locations } = planFigures([r]);
    expect(total).toMatchObject(expected);
    if (r.state !== 'draft') expect(locations[0]).toMatchObject({ name: 'Daraya', ...expected });
    else expect(locations).toEqual([]);
  });

  it('counts a request to two places at each, once in all; a place left out by a party is denied there', () => {
    const { total, locations } = planFigures([
      request({
        state: 'delivered',
        beneficiariesReached: 1500,
        beneficiariesPlanned: 2000,
        destinations: [DARAYA, MOADAMIYEH],
        decisions: [decision('gov', 'approve_with_conditions', 5, [0])],
      }),
      request({ destinations: [{ ...DARAYA, name: ' daraya ' }] }),
    ]);
    expect(total).toMatchObject({ planned: 2, approved: 1, delivered: 1, awaiting: 1, beneficiariesPlanned: 3000 });
    expect(locations.map((l) => [l.name, l.planned, l.approved, l.denied, l.awaiting, l.delivered])).toEqual([
      ['Daraya', 2, 0, 1, 1, 0],
      ['Moadamiyeh', 1, 1, 0, 0, 1],
    ]);
    expect(locations[1]).toMatchObject({ beneficiariesPlanned: 2000, beneficiariesReached: 1500 });
  });

  it('counts destinations at one place as one location, whatever their names; elsewhere by name', () => {
    // Two spellings placed at one town, and a name that is no place.
    const placeOf = (lon: number) => (lon > 36.2 ? 'Darayya' : null);
    const { locations } = planFigures(
      [
        request({ destinations: [DARAYA] }),
        request({ destinations: [{ ...DARAYA, name: 'داريا', lon: 36.231 }, MOADAMIYEH] }),
        request({ destinations: [{ ...DARAYA, name: 'DARAYA' }] }),
        request({ destinations: [{ ...MOADAMIYEH, name: 'moadamiyeh ' }] }),
      ],
      placeOf,
    );
    expect(locations.map((l) => [l.name, l.names, l.byPlace, l.planned])).toEqual([
      ['Daraya', ['Daraya', 'داريا'], true, 3],
      ['Moadamiyeh', ['Moadamiyeh'], false, 2],
    ]);
  });

  it('gives each party its decisions and its response times from submission to decision', () => {
    const { parties } = planFigures([
      request({ requiredApprovals: ['gov', 'reb'], decisions: [decision('gov', 'approve', 10)], state: 'submitted' }),
      request({
        submittedAt: 2 * H,
        requiredApprovals: ['gov', 'reb'],
        decisions: [decision('gov', 'deny', 50), decision('reb', 'approve_with_conditions', 3)],
        state: 'denied',
      }),
      request({ requiredApprovals: ['gov'], decisions: [decision('gov', 'approve', 30)], state: 'approved' }),
      // Told as decided before the request was recorded as submitted: no time at all, never less.
      request({ submittedAt: 100 * H, requiredApprovals: ['reb'], decisions: [decision('reb', 'approve', 99)] }),
    ]);
    expect(parties).toEqual([
      {
        actor: 'gov',
        asked: 3,
        approved: 2,
        approvedWithConditions: 0,
        denied: 1,
        undecided: 0,
        medianResponseMs: 30 * H,
        maxResponseMs: 48 * H,
      },
      {
        actor: 'reb',
        asked: 3,
        approved: 1,
        approvedWithConditions: 1,
        denied: 0,
        undecided: 1,
        medianResponseMs: 0.5 * H,
        maxResponseMs: 1 * H,
      },
    ]);
  });
});
