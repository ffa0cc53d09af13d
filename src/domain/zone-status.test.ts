import { describe, expect, it } from 'vitest';
import { type Standing, standingsAt, zoneStatus } from './zone-status.ts';
import { actor, agreement, at, control, interval, party, rect, rulebook, zone } from './test-builders.ts';

const s = (actorId: string, party: boolean, excluded: boolean): Standing => ({ actor: actorId, party, excluded });

describe('zoneStatus: the table', () => {
  it.each([
    { name: 'nobody recorded', standings: [], status: 'unknown' },
    { name: 'a party alone', standings: [s('gov', true, false)], status: 'covered' },
    { name: 'two parties', standings: [s('gov', true, false), s('reb', true, false)], status: 'covered' },
    {
      name: 'a party beside a non-party',
      standings: [s('gov', true, false), s('other', false, false)],
      status: 'covered',
    },
    { name: 'an excluded group alone', standings: [s('isil', false, true)], status: 'excluded' },
    { name: 'excluded groups only', standings: [s('isil', false, true), s('nus', false, true)], status: 'excluded' },
    {
      name: 'a party beside an excluded group',
      standings: [s('reb', true, false), s('nus', false, true)],
      status: 'intermingled',
    },
    { name: 'a party that is also excluded counts as excluded', standings: [s('nus', true, true)], status: 'excluded' },
    { name: 'a non-party alone', standings: [s('other', false, false)], status: 'uncovered' },
    {
      name: 'a non-party beside an excluded group',
      standings: [s('other', false, false), s('nus', false, true)],
      status: 'uncovered',
    },
  ] as { name: string; standings: Standing[]; status: string }[])('$name -> $status', ({ standings, status }) => {
    expect(zoneStatus(standings)).toBe(status);
  });
});

describe('standingsAt: controllers judged under the agreements that apply then and there', () => {
  const actors = [actor('gov'), actor('reb'), actor('nus'), actor('isil', { designated: true }), actor('other')];
  const coh = agreement('coh', {
    inForce: [interval('2016-02-27T00:00:00Z', '2016-06-01T00:00:00Z')],
    scope: rect(0, 0, 2, 2),
    parties: [party('gov', '2016-02-20T00:00:00Z'), party('reb', '2016-02-20T00:00:00Z', '2016-04-01T00:00:00Z')],
    excluded: ['nus'],
  });
  const book = rulebook({ actors, agreements: [coh] });
  const held = zone(
    'z',
    rect(0, 0, 1, 1),
    control(['reb', 'nus'], '2015-01-01T00:00:00Z', '2016-05-01T00:00:00Z'),
    control(['gov'], '2016-05-01T00:00:00Z'),
  );
  const outside = zone('far', rect(5, 5, 6, 6), control(['gov'], '2015-01-01T00:00:00Z'));

  it.each([
    {
      when: '2016-03-01T00:00:00Z',
      zone: held,
      standings: [s('nus', false, true), s('reb', true, false)],
      status: 'intermingled',
    },
    {
      when: '2016-04-15T00:00:00Z',
      zone: held,
      standings: [s('nus', false, true), s('reb', false, false)],
      status: 'uncovered',
    },
    { when: '2016-05-15T00:00:00Z', zone: held, standings: [s('gov', true, false)], status: 'covered' },
    { when: '2016-07-01T00:00:00Z', zone: held, standings: [s('gov', false, false)], status: 'uncovered' },
    { when: '2014-01-01T00:00:00Z', zone: held, standings: [], status: 'unknown' },
    { when: '2016-03-01T00:00:00Z', zone: outside, standings: [s('gov', false, false)], status: 'uncovered' },
  ])('$zone.id at $when -> $status', ({ when, zone: z, standings, status }) => {
    const found = standingsAt(book, z, at(when));
    expect(found).toEqual(standings);
    expect(zoneStatus(found)).toBe(status);
  });

  it('holds a designated group excluded with no agreement in force', () => {
    const z = zone('z', rect(0, 0, 1, 1), control(['isil'], '2015-01-01T00:00:00Z'));
    expect(zoneStatus(standingsAt(book, z, at('2015-06-01T00:00:00Z')))).toBe('excluded');
  });
});
