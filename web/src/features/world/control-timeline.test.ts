import { describe, expect, it } from 'vitest';
import { controlTimeline } from './control-timeline.ts';

describe("a zone's control as a timeline", () => {
  it('has a row per holder, in the order they first held it, and a bar per stretch', () => {
    const t = controlTimeline([
      { actors: ['fsa-south'], from: '2012-11-07T22:00:00Z', to: '2016-08-26T21:00:00Z' },
      { actors: ['sy-gov', 'hezbollah'], from: '2016-08-26T21:00:00Z', to: '2016-09-01T00:00:00Z' },
      { actors: ['sy-gov'], from: '2016-09-01T00:00:00Z', to: null },
    ])!;
    expect(t.rows.map((r) => [r.actor, r.bars.map((b) => b.entry)])).toEqual([
      ['fsa-south', [0]],
      ['sy-gov', [1, 2]],
      ['hezbollah', [1]],
    ]);
    const [first] = t.rows[0]!.bars;
    expect(first!.start).toBe(0);
    // The last change falls a little before the end of the axis; an open entry runs to the end.
    const last = t.rows[1]!.bars[1]!;
    expect(last.start).toBeGreaterThan(0.9);
    expect(last.start).toBeLessThan(1);
    expect(last.end).toBe(1);
    expect(last.to).toBeNull();
  });

  it('marks years over a long history, at most eight of them, and months over a short one', () => {
    const long = controlTimeline([{ actors: ['a'], from: '2000-03-01T00:00:00Z', to: '2016-03-01T00:00:00Z' }])!;
    expect(long.ticks.every((k) => k.unit === 'year')).toBe(true);
    expect(long.ticks.length).toBeLessThanOrEqual(8);
    expect(long.ticks.every((k) => k.x > 0 && k.x < 1)).toBe(true);
    const short = controlTimeline([
      { actors: ['a'], from: '2016-02-27T00:00:00Z', to: '2016-05-01T00:00:00Z' },
      { actors: ['b'], from: '2016-05-01T00:00:00Z', to: null },
    ])!;
    expect(short.ticks.map((k) => new Date(k.at).toISOString().slice(0, 10))).toEqual([
      '2016-03-01',
      '2016-04-01',
      '2016-05-01',
    ]);
  });

  it('is nothing for a zone without control', () => {
    expect(controlTimeline([])).toBeNull();
  });
});
