import { describe, expect, it } from 'vitest';
import {
  asOfInstant,
  dayAt,
  dayIndex,
  dayRange,
  listDays,
  readMapTime,
  readView,
  timeRange,
  writeView,
} from './map-time.ts';

describe('the map time', () => {
  it('turns a day and a window into instants in the truce timezone', () => {
    expect(timeRange({ day: '2016-09-19', window: '7' }, '+03:00')).toEqual({
      from: '2016-09-12T21:00:00.000Z',
      to: '2016-09-19T21:00:00.000Z',
    });
    expect(timeRange({ day: '2016-09-19', window: 'all' }, '+03:00')).toEqual({
      from: null,
      to: '2016-09-19T21:00:00.000Z',
    });
    expect(asOfInstant('2016-09-19', '+03:00')).toBe('2016-09-19T20:59:59.999Z');
  });

  it('ranges the slider over the incidents, or the past year without any', () => {
    const range = dayRange({ first: '2016-01-01T00:30:00+03:00', last: '2016-12-31T23:00:00Z' }, '+03:00', 0);
    expect(range).toEqual({ first: '2016-01-01', last: '2017-01-01' });
    expect(dayRange({ first: null, last: null }, 'Z', Date.parse('2020-06-01T12:00:00Z'))).toEqual({
      first: '2019-06-02',
      last: '2020-06-01',
    });
    expect(dayIndex(range, '2016-01-31')).toBe(30);
    expect(dayAt(range, 30)).toBe('2016-01-31');
  });

  it('reads the day and window from the query string, within the range', () => {
    const range = { first: '2016-01-01', last: '2016-12-31' };
    expect(readMapTime(new URLSearchParams('day=2016-09-19&window=7'), range)).toEqual({
      day: '2016-09-19',
      window: '7',
    });
    expect(readMapTime(new URLSearchParams('day=2019-01-01&window=x'), range)).toEqual({
      day: '2016-12-31',
      window: '30',
    });
    expect(readMapTime(new URLSearchParams(''), range)).toEqual({ day: '2016-12-31', window: '30' });
  });
});

it('keeps the view in the query string', () => {
  expect(readView(new URLSearchParams('view=36.93,36.155,12'))).toEqual({ lon: 36.93, lat: 36.155, zoom: 12 });
  expect(readView(new URLSearchParams('view=200,0,3'))).toBeNull();
  expect(readView(new URLSearchParams('view=1,2'))).toBeNull();
  expect(writeView({ lon: 36.93012, lat: 36.15512, zoom: 11.96 })).toBe('36.9301,36.1551,12.0');
});

it('gives the list the same days as the map', () => {
  expect(listDays({ day: '2016-09-19', window: '7' })).toEqual({ from: '2016-09-13', to: '2016-09-19' });
  expect(listDays({ day: '2016-09-19', window: 'all' })).toEqual({ from: null, to: '2016-09-19' });
});
