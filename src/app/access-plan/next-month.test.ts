import { describe, expect, it } from 'vitest';
import { nextMonth } from './get-access-plan.ts';

describe('nextMonth', () => {
  it.each([
    ['2016-05', '2016-06'],
    ['2016-12', '2017-01'],
    // Four digits always: "449-12" was no date to the timezone's arithmetic (a 500 found by the property test).
    ['0449-11', '0449-12'],
    ['0999-12', '1000-01'],
  ])('after %s comes %s', (month, next) => expect(nextMonth(month)).toBe(next));
});
