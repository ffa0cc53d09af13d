import { describe, expect, it } from 'vitest';
import { addMonths, isMonth, monthName } from './months.ts';

describe('the plan’s months', () => {
  it.each([
    ['2016-05', 1, '2016-06'],
    ['2016-12', 1, '2017-01'],
    ['2016-01', -1, '2015-12'],
    ['2016-05', -13, '2015-04'],
  ])('%s and %i months is %s', (m, n, expected) => expect(addMonths(m, n)).toBe(expected));

  it('knows a month and names it in each language', () => {
    expect([isMonth('2016-05'), isMonth('2016-13'), isMonth(null), isMonth('2016-5')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(monthName('2016-05', 'en')).toBe('May 2016');
    expect(monthName('2016-05', 'ar')).toMatch(/[\u0600-\u06FF]/);
  });
});
