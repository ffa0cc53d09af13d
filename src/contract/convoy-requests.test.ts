import { describe, expect, it } from 'vitest';
import { roleCan } from './access.ts';
import {
  CONVOY_STATES,
  CONVOY_STEPS,
  type ConvoyState,
  decisionOutcome,
  FINAL_STATES,
  nextSteps,
  STEP_RULES,
  type StepSubject,
  type StepTaker,
} from './convoy-requests.ts';

const organizer: StepTaker = { orgId: 'ocha', role: 'humanitarian', secretariat: false, represents: [] };
const government: StepTaker = { orgId: 'mofa', role: 'analyst', secretariat: false, represents: ['sy-gov'] };
const secretariat: StepTaker = { orgId: 'un-ose', role: 'analyst', secretariat: true, represents: [] };
const at = (state: ConvoyState, pending: string[] = []): StepSubject => ({ state, organizerOrg: 'ocha', pending });
const steps = (s: StepSubject, who: StepTaker) => nextSteps(s, who, roleCan);

describe('the convoy workflow', () => {
  it.each([
    { state: 'draft', organizer: ['submit'], government: [], secretariat: [] },
    { state: 'submitted', organizer: [], government: ['decide'], secretariat: ['decide'] },
    { state: 'approved', organizer: [], government: [], secretariat: ['issue_letter'] },
    { state: 'partly_approved', organizer: [], government: [], secretariat: ['issue_letter'] },
    { state: 'letter_issued', organizer: ['dispatch'], government: [], secretariat: [] },
    { state: 'dispatched', organizer: ['arrive', 'turn_back', 'report_attack'], government: [], secretariat: [] },
    { state: 'arrived', organizer: ['report_attack', 'deliver'], government: [], secretariat: [] },
    ...FINAL_STATES.map((state) => ({ state, organizer: [], government: [], secretariat: [] })),
  ] as { state: ConvoyState; organizer: string[]; government: string[]; secretariat: string[] }[])(
    '$state: each party is offered its next steps only',
    ({ state, organizer: o, government: g, secretariat: s }) => {
      const subject = at(state, state === 'submitted' ? ['sy-gov'] : []);
      expect(steps(subject, organizer)).toEqual(o);
      expect(steps(subject, government)).toEqual(g);
      expect(steps(subject, secretariat)).toEqual(s);
    },
  );

  it('a party decides only while its own decision is pending; the secretariat for any party still pending', () => {
    expect(steps(at('submitted', ['fsa-south']), government)).toEqual([]);
    expect(steps(at('submitted', ['fsa-south']), secretariat)).toEqual(['decide']);
    expect(steps(at('submitted', []), secretariat)).toEqual([]);
  });

  it('a role without the permission is offered nothing, in the right organization', () => {
    expect(steps(at('draft'), { ...organizer, role: 'observer' })).toEqual([]);
    expect(steps(at('draft'), { ...organizer, role: 'reporter' })).toEqual([]);
    expect(steps(at('submitted', ['sy-gov']), { ...government, role: 'humanitarian' })).toEqual([]);
    expect(steps(at('approved'), { ...secretariat, role: 'monitor' })).toEqual([]);
  });

  it('every state but the final ones leads somewhere, and every step starts from a state', () => {
    const reachable = new Set(CONVOY_STEPS.flatMap((s) => STEP_RULES[s].from));
    for (const state of CONVOY_STATES) expect(reachable.has(state)).toBe(!FINAL_STATES.includes(state));
  });
});

describe('decisionOutcome', () => {
  it.each([
    { name: 'nobody decided', decisions: [], outcome: 'submitted' },
    { name: 'one of two approved', decisions: [{ actor: 'a', decision: 'approve' }], outcome: 'submitted' },
    { name: 'one denial is enough', decisions: [{ actor: 'a', decision: 'deny' }], outcome: 'denied' },
    {
      name: 'both approved as asked',
      decisions: [
        { actor: 'a', decision: 'approve' },
        { actor: 'b', decision: 'approve' },
      ],
      outcome: 'approved',
    },
    {
      name: 'one approved with conditions',
      decisions: [
        { actor: 'a', decision: 'approve' },
        { actor: 'b', decision: 'approve_with_conditions' },
      ],
      outcome: 'partly_approved',
    },
    {
      name: 'a denial after approvals',
      decisions: [
        { actor: 'a', decision: 'approve' },
        { actor: 'b', decision: 'deny' },
      ],
      outcome: 'denied',
    },
  ] as const)('$name: $outcome', ({ decisions, outcome }) => {
    expect(decisionOutcome(['a', 'b'], decisions)).toBe(outcome);
  });

  it('no party to ask: approved at once', () => {
    expect(decisionOutcome([], [])).toBe('approved');
  });
});
