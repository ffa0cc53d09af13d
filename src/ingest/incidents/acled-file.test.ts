import { describe, expect, it } from 'vitest';
import { acledDate, actOf } from './acled-file.ts';
import { actorNames } from './actor-names.ts';
import { normalTag } from './hxl-file.ts';

describe('ACLED and HXL readers', () => {
  it.each([
    ['2016-09-19', '2016-09-19'],
    ['19 September 2016', '2016-09-19'],
    ['1 Feb 2016', '2016-02-01'],
    ['30 February 2016', null],
    ['2016-02-30', null],
    ['yesterday', null],
  ])('reads the date %s as %s', (text, date) => expect(acledDate(text)).toBe(date));

  it.each([
    ['Air/drone strike', 'air_strike'],
    ['Shelling/artillery/missile attack', 'shelling'],
    ['Armed clash', 'ground_assault'],
    ['Attack', 'small_arms'],
    ['Government regains territory', 'territory_seizure'],
    ['Abduction/forced disappearance', 'arrest'],
    ['Remote explosive/landmine/IED', 'other'],
  ])('reads the sub-event type %s as the act %s', (sub, act) => expect(actOf(sub)).toBe(act));

  it('finds actors by name, alias, ACLED form or the UCDP dictionary, else adds one', () => {
    const names = actorNames(
      [
        {
          id: 'sy-gov',
          name: 'Syrian Arab Army',
          nameAr: 'الجيش العربي السوري',
          kind: 'state',
          aliases: ['Government of Syria'],
          designated: false,
        },
      ],
      'acled',
    );
    expect(names.named('Military Forces of Syria (2000-)')?.id).toBe('sy-gov');
    expect(names.named('الجيش العربي السوري')?.id).toBe('sy-gov');
    expect(names.named('Hayat Tahrir al-Sham')).toMatchObject({ id: 'hts', designated: true });
    expect(names.named('QSD: Syrian Democratic Forces')?.id).toBe('sdf');
    expect(names.named('Unidentified Armed Group (Syria)')).toBeNull();
    expect(names.named('Liwa al-Quds', 'armed_group')).toMatchObject({ id: 'acled-liwa-al-quds', kind: 'armed_group' });
    expect(names.coded('ru', null).id).toBe('ru');
  });

  it('reads a hashtag whatever the order of its attributes', () => {
    expect(normalTag('#Affected +Max+killed')).toBe('#affected+killed+max');
    expect(normalTag('#indicator+bool+self_defense')).toBe('#indicator+bool+self_defense');
  });
});
