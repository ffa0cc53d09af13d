import { describe, expect, it } from 'vitest';
import { suggestionReasons } from './suggestion-reasons.ts';

const base = {
  time_gap_s: 0,
  distance_m: 420,
  act: 'same' as const,
  reportPerpetrator: null,
  incidentPerpetrator: null,
};

describe('why an incident is suggested for a report', () => {
  it('says the windows overlap, the distance in metres and that the acts agree', () => {
    expect(suggestionReasons(base)).toEqual([
      { key: 'inbox.why.timeOverlap' },
      { key: 'inbox.why.metres', values: { n: 420 } },
      { key: 'inbox.why.actSame' },
    ]);
  });

  it('gives a gap in minutes under two hours and in hours beyond, a distance in kilometres beyond one', () => {
    const r = suggestionReasons({ ...base, time_gap_s: 5_400, distance_m: 3_260, act: 'related' });
    expect(r.slice(0, 3)).toEqual([
      { key: 'inbox.why.timeMinutes', values: { n: 90 } },
      { key: 'inbox.why.km', values: { n: 3.3 } },
      { key: 'inbox.why.actRelated' },
    ]);
    expect(suggestionReasons({ ...base, time_gap_s: 18_000 })[0]).toEqual({
      key: 'inbox.why.timeHours',
      values: { n: 5 },
    });
  });

  it('weighs the perpetrators only when both name one, and a different one counts against', () => {
    expect(suggestionReasons({ ...base, reportPerpetrator: 'sy-gov', incidentPerpetrator: 'sy-gov' })).toContainEqual({
      key: 'inbox.why.perpetratorSame',
    });
    expect(suggestionReasons({ ...base, reportPerpetrator: 'sy-gov', incidentPerpetrator: 'ru' })).toContainEqual({
      key: 'inbox.why.perpetratorOther',
      against: true,
    });
    expect(suggestionReasons({ ...base, reportPerpetrator: 'sy-gov' })).toHaveLength(3);
  });
});
