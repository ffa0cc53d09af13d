import { expect, it } from 'vitest';
import { changedFields, statusChanges } from './history.ts';

const entries = [
  {
    seq: 1,
    at: 't1',
    user_id: 'u',
    org: 'us',
    by: { display_name: 'Amal Haddad' },
    action: 'create',
    before: null,
    after: { status: 'reported', grade: null, act: 'shelling' },
  },
  {
    seq: 2,
    at: 't2',
    user_id: null,
    org: null,
    by: null,
    action: 'update',
    before: { status: 'reported', grade: null },
    after: { status: 'verified', grade: 'fair' },
  },
  {
    seq: 3,
    at: 't3',
    user_id: 'u',
    org: 'ru',
    action: 'update',
    before: { status: 'verified', act: 'shelling' },
    after: { status: 'verified', act: 'missile' },
  },
];

it('lists the changes of status and grade, creation first, with the name of who made them (not their organization)', () => {
  expect(statusChanges(entries)).toEqual([
    { at: 't1', field: 'status', from: null, to: 'reported', by: 'Amal Haddad' },
    { at: 't2', field: 'status', from: 'reported', to: 'verified', by: null },
    { at: 't2', field: 'grade', from: null, to: 'fair', by: null },
  ]);
});

it('names the fields an entry changed', () => {
  expect(changedFields(entries[2]!)).toEqual(['act']);
  expect(changedFields(entries[0]!)).toEqual(['act', 'grade', 'status']);
});
