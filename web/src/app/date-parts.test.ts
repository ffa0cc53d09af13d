import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  joinParts,
  localDigits,
  monthNames,
  partOrder,
  setPart,
  splitValue,
  yearChoices,
} from './date-parts.ts';

describe("the date field's parts", () => {
  it('splits a date and a date-time and joins them again', () => {
    expect(splitValue('2016-02-27')).toEqual({ year: '2016', month: '2', day: '27', hour: '', minute: '' });
    expect(joinParts(splitValue('2016-02-27'), false)).toBe('2016-02-27');
    expect(joinParts(splitValue('2016-09-19T07:05'), true)).toBe('2016-09-19T07:05');
    expect(splitValue('19/09/2016')).toEqual(splitValue(''));
  });

  it('gives no value while a part is missing', () => {
    expect(joinParts({ year: '2016', month: '2', day: '', hour: '', minute: '' }, false)).toBe('');
    expect(joinParts({ year: '2016', month: '2', day: '27', hour: '13', minute: '' }, true)).toBe('');
  });

  it('keeps a day inside its month, leap years included', () => {
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2015, 2)).toBe(28);
    expect(setPart(splitValue('2016-01-31'), 'month', '2').day).toBe('29');
    expect(setPart(splitValue('2016-02-29'), 'year', '2015').day).toBe('28');
    expect(setPart(splitValue('2016-03-15'), 'month', '4').day).toBe('15');
  });

  it("orders and names the parts as the page's language does, not the browser's", () => {
    expect(partOrder('en')).toEqual(['day', 'month', 'year']);
    expect(partOrder('ar')).toEqual(['day', 'month', 'year']);
    expect(monthNames('en')[1]).toBe('February');
    expect(monthNames('ar')[1]).toBe('شباط');
    expect(localDigits(2016, 'ar')).toBe('٢٠١٦');
    expect(localDigits(7, 'en', 2)).toBe('07');
  });

  it('offers the years between the bounds, newest first', () => {
    expect(yearChoices('2014-05-01', '2016-12-31', 0)).toEqual([2016, 2015, 2014]);
    expect(yearChoices(undefined, undefined, Date.UTC(2026, 0, 1))).toHaveLength(16);
  });
});
