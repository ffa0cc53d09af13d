import { describe, expect, it } from 'vitest';
import { addDays } from '../../i18n/format.ts';
import { calmState, chosenAgreement, chosenWindow, statePath } from './scope.ts';

const q = (s: string) => new URLSearchParams(s);

describe('chosenAgreement', () => {
  it.each([
    { query: '', calm: 'coh-sept', agreement: 'coh-sept' },
    { query: '', calm: null, agreement: null },
    { query: 'agreement=coh', calm: 'coh-sept', agreement: 'coh' },
    { query: 'agreement=*', calm: 'coh-sept', agreement: null },
    { query: 'agreement=%2A', calm: 'coh-sept', agreement: null },
    { query: 'agreement=', calm: 'coh-sept', agreement: 'coh-sept' },
  ])('"$query" with calm agreement $calm -> $agreement', ({ query, calm, agreement }) => {
    expect(chosenAgreement(q(query), calm)).toBe(agreement);
  });
});

describe('chosenWindow', () => {
  it.each([
    { query: '', window: { from: '2016-11-02', to: '2016-12-01' } },
    { query: 'from=2016-09-12&to=2016-09-20', window: { from: '2016-09-12', to: '2016-09-20' } },
    { query: 'from=2016-09-21&to=2016-09-20', window: { from: '2016-08-22', to: '2016-09-20' } },
    { query: 'from=12/09/2016', window: { from: '2016-11-02', to: '2016-12-01' } },
  ])('"$query"', ({ query, window }) => {
    expect(chosenWindow(q(query), '2016-12-01', addDays)).toEqual(window);
  });
});

it('statePath round-trips through chosenAgreement and chosenWindow', () => {
  for (const agreement of ['coh', 'a b&c', null]) {
    const query = q(statePath('2016-09-12', '2016-09-20', agreement).split('?')[1]!);
    expect(chosenAgreement(query, 'other')).toBe(agreement);
    expect(chosenWindow(query, '2016-12-01', addDays)).toEqual({ from: '2016-09-12', to: '2016-09-20' });
  }
});

it('calmState tells a day not in force from a day with too many violations', () => {
  expect(calmState({ in_force: true, calm: true })).toBe('calm');
  expect(calmState({ in_force: true, calm: false })).toBe('not_calm');
  expect(calmState({ in_force: false, calm: false })).toBe('not_in_force');
});
