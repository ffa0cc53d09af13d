import { describe, expect, it } from 'vitest';
import { controlChange, peopleMoved, placeName } from './agreement-words.ts';

describe('a local agreement in words', () => {
  it.each([
    [{ fighters: 700, civilians: 4000, wounded: null, total: null }, 4700],
    [{ fighters: 700, civilians: 4000, wounded: null, total: 5000 }, 5000],
    [{ fighters: null, civilians: null, wounded: null, total: null }, null],
  ])('moved %j: %s people', (p, n) => expect(peopleMoved(p)).toBe(n));

  it('names a place in Arabic where it has an Arabic name', () => {
    expect(placeName('ar', { name: 'Idlib', name_ar: 'إدلب' })).toBe('إدلب');
    expect(placeName('ar', { name: 'Kiswah', name_ar: null })).toBe('Kiswah');
    expect(placeName('en', { name: 'Idlib', name_ar: 'إدلب' })).toBe('Idlib');
  });

  it('finds who held the zone before the change that followed, and who from it', () => {
    const control = [
      { actors: ['sy-gov'], from: '2016-08-27T12:00:00+03:00' },
      { actors: ['fsa-south'], from: '2012-11-08T00:00:00Z' },
    ];
    expect(controlChange(control, '2016-08-27T09:00:00Z')).toEqual({ before: ['fsa-south'], after: ['sy-gov'] });
    expect(controlChange(control, '2012-11-08T00:00:00Z')).toEqual({ before: null, after: ['fsa-south'] });
    expect(controlChange(control, '2016-08-28T00:00:00Z')).toBeNull();
  });
});
