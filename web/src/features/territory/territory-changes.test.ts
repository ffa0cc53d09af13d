import { describe, expect, it } from 'vitest';
import { groupChanges, judgementOnly } from './territory-changes.ts';

const change = {
  code: 'territory.change' as const,
  params: { zone: { zone: 'z-daraya', name: 'Daraya' }, at: { instant: '2016-08-26T21:00:00Z' } },
};
const finding = (key: string, zone: string, at: string, agreement: string) => ({
  key,
  subject_id: zone,
  at,
  agreement,
  verdict: 'violation',
  statements: [change, { code: 'territory.seizure' as const, params: {} }],
});

describe('territory findings as changes of control', () => {
  it('puts the findings of one zone at one instant together, whatever offset the instant was written with', () => {
    const changes = groupChanges([
      finding('k1', 'z-daraya', '2016-08-26T21:00:00Z', 'coh'),
      finding('k2', 'z-daraya', '2016-08-27T00:00:00+03:00', 'other'),
      finding('k3', 'z-madaya', '2016-08-26T21:00:00Z', 'coh'),
      finding('k4', 'z-daraya', '2016-05-01T00:00:00Z', 'coh'),
    ]);
    expect(changes.map((c) => [c.zone, c.findings.map((f) => f.key)])).toEqual([
      ['z-daraya', ['k1', 'k2']],
      ['z-madaya', ['k3']],
      ['z-daraya', ['k4']],
    ]);
    expect(changes[0]).toMatchObject({ at: Date.parse('2016-08-26T21:00:00Z'), zoneName: 'Daraya', change });
  });

  it("leaves out the change's own sentence from each judgement", () => {
    expect(judgementOnly(finding('k', 'z', '2016-01-01T00:00:00Z', 'coh').statements).map((s) => s.code)).toEqual([
      'territory.seizure',
    ]);
  });
});
