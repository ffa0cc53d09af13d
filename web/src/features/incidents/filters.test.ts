import { describe, expect, it } from 'vitest';
import { activeFilterCount, boxFromCorners, EMPTY_FILTERS, readFilters, toApiQuery, writeFilters } from './filters.ts';

describe('incident filters in the query string', () => {
  it('round-trips and drops malformed values', () => {
    const f = readFilters(
      new URLSearchParams('q=Daraya&from=2016-09-12&to=nope&verdict=violation&bbox=36,33,37,34&x=1'),
    );
    expect(f).toEqual({ ...EMPTY_FILTERS, q: 'Daraya', from: '2016-09-12', verdict: 'violation', bbox: '36,33,37,34' });
    expect(writeFilters(f)).toBe('q=Daraya&from=2016-09-12&verdict=violation&bbox=36%2C33%2C37%2C34');
    expect(activeFilterCount(f)).toBe(4);
    expect(readFilters(new URLSearchParams('bbox=1,2,3'))).toEqual(EMPTY_FILTERS);
  });
});

describe('toApiQuery', () => {
  it('makes the days instants in the truce timezone, the last day included', () => {
    expect(toApiQuery({ ...EMPTY_FILTERS, from: '2016-09-12', to: '2016-09-19' }, '+03:00')).toEqual({
      from: '2016-09-11T21:00:00.000Z',
      to: '2016-09-19T21:00:00.000Z',
    });
  });
  it("uses a drawn box before an admin area, and the area's pcode otherwise", () => {
    expect(toApiQuery({ ...EMPTY_FILTERS, area: 'SY02', bbox: '1,2,3,4' }, 'Z')).toEqual({ bbox: '1,2,3,4' });
    expect(toApiQuery({ ...EMPTY_FILTERS, area: 'SY02' }, 'Z')).toEqual({ admin: 'SY02' });
  });
  it('passes the other filters as they are', () => {
    expect(
      toApiQuery(
        { ...EMPTY_FILTERS, q: 'x', actor: 'sy-gov', act: 'shelling', verdict: 'violation', status: 'verified' },
        'Z',
      ),
    ).toEqual({ q: 'x', actor: 'sy-gov', act: 'shelling', verdict: 'violation', status: 'verified' });
  });
});

it('orders two clicked corners into a box', () => {
  expect(boxFromCorners([37.2, 36.1], [36.9, 36.4])).toBe('36.9,36.1,37.2,36.4');
});
