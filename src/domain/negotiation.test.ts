import { describe, expect, it } from 'vitest';
import { type ClauseStance, clauseStatus, missingApprovals } from './negotiation.ts';

describe('clauseStatus', () => {
  it.each<[(ClauseStance | null)[], ClauseStance]>([
    [[], 'open'],
    [['agreed', 'agreed'], 'agreed'],
    [['agreed', null], 'open'],
    [['agreed', 'open'], 'open'],
    [['agreed', 'sticking_point'], 'sticking_point'],
    [[null, 'sticking_point', 'open'], 'sticking_point'],
  ])('%j → %s', (stances, expected) => expect(clauseStatus(stances)).toBe(expected));
});

describe('missingApprovals', () => {
  it('names who has not approved, a voided approval counting as none', () => {
    expect(missingApprovals(['us', 'ru'], [])).toEqual(['us', 'ru']);
    expect(missingApprovals(['us', 'ru'], [{ orgId: 'us', voidedAt: null }])).toEqual(['ru']);
    expect(
      missingApprovals(
        ['us', 'ru'],
        [
          { orgId: 'us', voidedAt: 5 },
          { orgId: 'ru', voidedAt: null },
        ],
      ),
    ).toEqual(['us']);
    expect(
      missingApprovals(
        ['us'],
        [
          { orgId: 'us', voidedAt: null },
          { orgId: 'un-ose', voidedAt: null },
        ],
      ),
    ).toEqual([]);
  });
});
