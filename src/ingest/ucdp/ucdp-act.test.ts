import { describe, expect, it } from 'vitest';
import { inferAct } from './ucdp-act.ts';

describe('inferAct', () => {
  it.each([
    // Headlines from the GED file.
    {
      headline: 'Warplanes kill a woman and 2 of her children in the western countryside of Aleppo',
      act: 'air_strike',
    },
    {
      headline: 'Casualties in the aerial bombardment on Hama and shells target the center of Damascus',
      act: 'air_strike',
    },
    { headline: 'Raids of the Russian warplanes target at least 20 areas west Idlib', act: 'air_strike' },
    { headline: '6 airstrikes target Shekh Meskin and continued clashes in Reef Dimashq', act: 'air_strike' },
    { headline: 'Helicopters drop barrel bombs on Daraya', act: 'air_strike' },
    { headline: '14 shells hit Dahya al-Assad an clashes continue around Ter Ma’la', act: 'shelling' },
    {
      headline: 'The recent hours witness heavy artillery and rocket shelling targeted the south of Idlib province',
      act: 'shelling',
    },
    { headline: 'Mortar rounds fall on Damascus', act: 'shelling' },
    { headline: 'Bombardment targets Idlib and Hama', act: 'shelling' },
    { headline: 'Surface-to-surface missiles hit Khan Shaykhun', act: 'missile' },
    { headline: 'Factions target a regime tank with an anti-tank missile', act: 'atgm' },
    { headline: 'A guided missile destroys a vehicle of the regime forces', act: 'atgm' },
    { headline: 'A sniper kills a child in Douma', act: 'small_arms' },
    { headline: 'Continued clashes in Homs countryside', act: 'ground_assault' },
    { headline: 'IS launches an attack on SDF positions', act: 'ground_assault' },
    { headline: 'Violent battles in the vicinity of Palmyra', act: 'ground_assault' },
    { headline: 'Syria Daily Report 15/02/2016', act: 'other' },
    { headline: 'A landmine explosion kills a child north of Al-Raqqah city', act: 'other' },
    { headline: 'After the seizure of citizens homes an officer and his family were killed', act: 'other' },
    { headline: '', act: 'other' },
  ])('$headline: $act', ({ headline, act }) => {
    expect(inferAct(headline)).toBe(act);
  });

  it('matches whole words only', () => {
    expect(inferAct('The airport road is closed')).toBe('other');
    expect(inferAct('Shellfish prices rise in Latakia')).toBe('other');
  });
});
