import { describe, expect, it } from 'vitest';
import { type AccountFacts, disputedFacts } from './assessment.ts';

const account = (o: Partial<AccountFacts> = {}): AccountFacts => ({
  allegedPerpetrator: 'sy-gov',
  target: null,
  act: 'air_strike',
  ...o,
});

describe('disputedFacts', () => {
  it.each([
    { name: 'one account', accounts: [account()], disputed: [] },
    { name: 'two that agree', accounts: [account(), account()], disputed: [] },
    {
      name: 'different perpetrators',
      accounts: [account(), account({ allegedPerpetrator: 'ru' })],
      disputed: ['perpetrator'],
    },
    { name: 'one names no perpetrator', accounts: [account(), account({ allegedPerpetrator: null })], disputed: [] },
    {
      name: 'a convoy and a hospital',
      accounts: [account({ target: { civilian: 'convoy' } }), account({ target: { civilian: 'hospital' } })],
      disputed: ['target'],
    },
    {
      name: 'a civilian and an actor target',
      accounts: [account({ target: { civilian: 'convoy' } }), account({ target: { actor: 'nusra' } })],
      disputed: ['target'],
    },
    { name: 'an air strike and shelling', accounts: [account(), account({ act: 'shelling' })], disputed: ['act'] },
    { name: '"other" is no contradiction', accounts: [account(), account({ act: 'other' })], disputed: [] },
    {
      name: 'everything',
      accounts: [
        account(),
        account({ allegedPerpetrator: 'ru', act: 'missile', target: { actor: 'nusra' } }),
        account({ target: { actor: 'isil' } }),
      ],
      disputed: ['perpetrator', 'target', 'act'],
    },
  ] as { name: string; accounts: AccountFacts[]; disputed: string[] }[])(
    '$name -> $disputed',
    ({ accounts, disputed }) => {
      expect(disputedFacts(accounts)).toEqual(disputed);
    },
  );
});
