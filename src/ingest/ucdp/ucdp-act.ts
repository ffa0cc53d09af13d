/**
 * What was done, read from a UCDP source headline. UCDP codes who fought whom and how many died,
 * not the weapon, so the act is a guess from words: the first rule of this table whose pattern
 * the headline matches decides, and a headline matching none is `other`. Weapons come before
 * fighting words: "shells hit the town and clashes continue" is shelling.
 */
import type { Act } from '../../domain/model.ts';

export interface ActKeywordRule {
  act: Act;
  pattern: RegExp;
}

export const ACT_KEYWORDS: readonly ActKeywordRule[] = [
  // Anti-tank guided missiles, before "missile"; SOHR's "guided missile" is one fired at a vehicle or post.
  { act: 'atgm', pattern: /\b(atgms?|anti-?tank|guided missiles?|tow missiles?|kornet|konkurs)\b/i },
  // From the air, before "shelling": "aerial shelling" and "air strikes" are air strikes.
  {
    act: 'air_strike',
    pattern:
      /\b(air ?strikes?|air ?raids?|raids?|aerial|warplanes?|war ?jets?|jets|aircraft|helicopters?|drones?|barrels?|barrel bombs?|bombers?)\b/i,
  },
  { act: 'missile', pattern: /\b(missiles?|ballistic)\b/i },
  { act: 'shelling', pattern: /\b(shell(s|ed|ing)?|mortars?|artillery|rockets?|bombardments?|cannons?)\b/i },
  { act: 'small_arms', pattern: /\b(snipers?|sniping|bullets?|gunfire|gunshots?|shot|shooting)\b/i },
  {
    act: 'ground_assault',
    pattern: /\b(clash(es)?|attacks?|attacked|battles?|fight(s|ing)?|assaults?|offensive|storm(ed|ing)?)\b/i,
  },
];

/** The act a headline names, or `other` when it names none we know. */
export function inferAct(headline: string): Act {
  for (const rule of ACT_KEYWORDS) if (rule.pattern.test(headline)) return rule.act;
  return 'other';
}
