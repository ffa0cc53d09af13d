import { describe, expect, it } from 'vitest';
import {
  EMPTY_DRAFT,
  fieldErrorsFromApi,
  isEmptyDraft,
  loadDraft,
  type ReportDraft,
  saveDraft,
  toReportBody,
  validateDraft,
} from './report-form.ts';

const valid: ReportDraft = {
  ...EMPTY_DRAFT,
  claimedAt: '2016-09-19T19:30',
  lon: '37.15',
  lat: '36.25',
  act: 'air_strike',
  perpetrator: 'ru',
  targetKind: 'civilian',
  targetCivilian: 'convoy',
  casualtiesLow: '10',
  casualtiesBest: '12',
  casualtiesHigh: '20',
  narrative: 'Trucks hit',
};
const now = Date.parse('2016-09-20T00:00:00Z');

describe('validateDraft', () => {
  it('accepts a complete report', () => expect(validateDraft(valid, '+03:00', now)).toEqual({}));
  it.each([
    [{ claimedAt: '' }, 'claimedAt', 'report.err.required'],
    [{ claimedAt: '2016-09-21T10:00' }, 'claimedAt', 'report.err.future'],
    [{ lon: '' }, 'lon', 'report.err.required'],
    [{ lon: '190' }, 'lon', 'report.err.lon'],
    [{ lat: 'north' }, 'lat', 'report.err.lat'],
    [{ act: '' }, 'act', 'report.err.required'],
    [{ targetCivilian: '' }, 'targetCivilian', 'report.err.required'],
    [{ targetKind: 'actor' as const }, 'targetActor', 'report.err.required'],
    [{ casualtiesLow: '-1' }, 'casualtiesLow', 'report.err.number'],
    [{ casualtiesLow: '30' }, 'casualtiesBest', 'report.err.order'],
    [{ casualtiesBest: '', casualtiesLow: '25' }, 'casualtiesBest', 'report.err.order'],
    [{ timePrecisionMin: '1.5' }, 'timePrecisionMin', 'report.err.number'],
  ] as const)('%j: %s %s', (change, field, key) => {
    expect(validateDraft({ ...valid, ...change }, '+03:00', now)[field]).toEqual({ key });
  });
});

it('builds the request body in the truce timezone', () => {
  expect(toReportBody(valid, '+03:00')).toEqual({
    claimed_at: '2016-09-19T16:30:00.000Z',
    time_precision_s: 0,
    location: { lon: 37.15, lat: 36.25 },
    location_precision_m: 0,
    act: 'air_strike',
    alleged_perpetrator: 'ru',
    target: { civilian: 'convoy' },
    casualties: { low: 10, best: 12, high: 20 },
    narrative: 'Trucks hit',
    classification: 'org',
    attachments: [],
  });
  expect(
    toReportBody({ ...valid, targetKind: 'none', casualtiesLow: '', casualtiesBest: '', casualtiesHigh: '' }, 'Z'),
  ).toMatchObject({ target: null, casualties: null });
});

it("puts the server's problems on their fields", () => {
  expect(
    fieldErrorsFromApi([
      { path: 'location.lat', message: 'must be between -90 and 90' },
      { path: 'casualties.low', message: 'must not be more than best' },
      { path: 'attachments[0].filename', message: 'must be a plain file name' },
      { path: 'querystring.x', message: 'odd' },
    ]),
  ).toEqual({
    fields: {
      lat: { text: 'must be between -90 and 90' },
      casualtiesLow: { text: 'must not be more than best' },
      attachments: { text: 'must be a plain file name' },
    },
    general: ['querystring.x: odd'],
  });
});

describe('the draft', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
      m,
    };
  };
  it('survives a reload, and an empty one is forgotten', () => {
    const s = memory();
    saveDraft(s, valid);
    expect(loadDraft(s)).toEqual(valid);
    saveDraft(s, EMPTY_DRAFT);
    expect(s.m.size).toBe(0);
    expect(isEmptyDraft(EMPTY_DRAFT)).toBe(true);
  });
  it('ignores what it does not know', () => {
    const s = memory();
    s.setItem('truce.report-draft', JSON.stringify({ lon: 5, lat: '3', targetKind: 'x', extra: 1 }));
    expect(loadDraft(s)).toEqual({ ...EMPTY_DRAFT, lat: '3' });
    s.setItem('truce.report-draft', '{nope');
    expect(loadDraft(s)).toBeNull();
  });
});
