import { describe, expect, it } from 'vitest';
import type { DraftReport } from '../../ingest/text/draft-reports.ts';
import { draftChanges } from './draft-changes.ts';

const span = (text: string) => ({ start: 0, end: text.length, text });
const proposed: DraftReport = {
  span: span('Government forces shelled Douma yesterday, killing five civilians.'),
  date: { day: '2016-07-06', relative: true, night: false, span: span('yesterday'), from: 'event' },
  place: {
    name: 'Duma',
    nameAr: 'دوما',
    lon: 36.4,
    lat: 33.57,
    kind: 'town',
    precision: 'town',
    precisionM: 5000,
    admin1: 'Rural Damascus',
    admin1Ar: null,
    admin2: null,
    alternatives: [],
    span: span('Douma'),
    from: 'event',
  },
  actors: [{ id: 'sy-gov', name: 'Syrian government', acted: true, span: span('Government forces') } as never],
  act: { act: 'shelling', span: span('shelled') },
  killed: { low: null, best: 5, high: null, span: span('five') },
  injured: null,
};
const filed = {
  claimedAt: Date.parse('2016-07-06T09:00:00Z'),
  location: { lon: 36.4, lat: 33.57 },
  locationPrecisionM: 5000,
  allegedPerpetrator: 'sy-gov' as string | null,
  act: 'shelling' as const,
  casualties: { low: null, best: 5, high: null } as {
    low: number | null;
    best: number | null;
    high: number | null;
  } | null,
  narrative: 'Government forces shelled Douma yesterday, killing five civilians.',
};

describe('draftChanges', () => {
  const cases: Array<[string, Partial<typeof filed>, Partial<DraftReport>, string[]]> = [
    ['as proposed', {}, {}, []],
    ['late evening in Damascus is still that day', { claimedAt: Date.parse('2016-07-06T20:30:00Z') }, {}, []],
    ['past midnight in Damascus is the next day', { claimedAt: Date.parse('2016-07-06T21:30:00Z') }, {}, ['date']],
    ['no date proposed, one given', {}, { date: null }, ['date']],
    ['the place moved', { location: { lon: 36.41, lat: 33.57 } }, {}, ['place']],
    ['a coordinate written back within a metre', { location: { lon: 36.400001, lat: 33.57 } }, {}, []],
    ['the precision widened', { locationPrecisionM: 20_000 }, {}, ['precision']],
    ['no place proposed', {}, { place: null }, ['place']],
    ['another perpetrator', { allegedPerpetrator: 'ru' }, {}, ['actor']],
    ['the perpetrator removed', { allegedPerpetrator: null }, {}, ['actor']],
    ['another act', { act: 'air_strike' as never }, {}, ['act']],
    ['a range given', { casualties: { low: 5, best: 5, high: 7 } }, {}, ['casualties']],
    ['no figure proposed, none given', { casualties: null }, { killed: null }, []],
    ['no figure proposed, empty given', { casualties: { low: null, best: null, high: null } }, { killed: null }, []],
    ['the narrative edited', { narrative: 'Shelling in Douma.' }, {}, ['narrative']],
    ['only spaces added to the narrative', { narrative: `  ${filed.narrative}\n` }, {}, []],
  ];
  it.each(cases)('%s', (_what, f, p, expected) => {
    expect(draftChanges({ ...proposed, ...p }, { ...filed, ...f })).toEqual(expected);
  });
});
