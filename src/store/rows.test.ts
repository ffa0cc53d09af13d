import { describe, expect, it } from 'vitest';
import { sameRecord, stableStringify } from './rows.ts';

// sameRecord must agree with comparing the stable JSON of both sides, which it replaces.
const CASES: [string, unknown, unknown, boolean][] = [
  ['the same numbers', 1, 1, true],
  ['other numbers', 1, 2, false],
  ['a number and its text', 1, '1', false],
  ['NaN and null, both null in JSON', NaN, null, true],
  ['null and undefined', null, undefined, false],
  ['keys in another order', { a: 1, b: [1, { c: 'x', d: null }] }, { b: [1, { d: null, c: 'x' }], a: 1 }, true],
  ['a key more', { a: 1 }, { a: 1, b: 2 }, false],
  ['a key less', { a: 1, b: 2 }, { a: 1 }, false],
  ['a key holding undefined, as if absent', { a: 1, b: undefined }, { a: 1 }, true],
  ['undefined against null in an object', { a: undefined }, { a: null }, false],
  ['undefined in an array, null in JSON', [undefined], [null], true],
  ['arrays of other lengths', [1, 2], [1, 2, 3], false],
  ['arrays in another order', [1, 2], [2, 1], false],
  ['an array and an object', [], {}, false],
  [
    'nested difference',
    { s: [{ code: 'x', params: { at: { instant: 1 } } }] },
    { s: [{ code: 'x', params: { at: { instant: 2 } } }] },
    false,
  ],
  ['dates, as JSON writes them', new Date(0), new Date(0), true],
  ['other dates', new Date(0), new Date(1), false],
  ['a date and its text', new Date(0), '1970-01-01T00:00:00.000Z', true],
];

describe('sameRecord', () => {
  it.each(CASES)('%s', (_name, a, b, same) => {
    expect(stableStringify(a) === stableStringify(b)).toBe(same);
    expect(sameRecord(a, b)).toBe(same);
    expect(sameRecord(b, a)).toBe(same);
  });
});
