import { describe, expect, it } from 'vitest';
import { EMPTY_INBOX_FILTERS, inboxApiQuery, readInboxFilters, writeInboxFilters } from './inbox-filters.ts';

describe("the inbox's filters", () => {
  it('read back what they wrote, with the selected report, and drop malformed days and grades', () => {
    const f = { ...EMPTY_INBOX_FILTERS, from: '2016-09-19', act: 'air_strike', reliability: 'A,B' };
    const q = new URLSearchParams(writeInboxFilters(f, 'r1'));
    expect(q.get('report')).toBe('r1');
    expect(readInboxFilters(q)).toEqual(f);
    expect(readInboxFilters(new URLSearchParams('from=19/09/2016&reliability=A,Z'))).toEqual(EMPTY_INBOX_FILTERS);
  });

  it("ask for unlinked, untriaged reports newest first, days as the truce's local days", () => {
    const q = inboxApiQuery(
      { ...EMPTY_INBOX_FILTERS, from: '2016-09-19', to: '2016-09-19', area: 'SY02' },
      'Asia/Damascus',
    );
    expect(q).toEqual({
      linked: 'false',
      triage: 'none',
      sort: '-received_at',
      // Damascus kept UTC+3 (summer time) on 19 September 2016.
      from: '2016-09-18T21:00:00.000Z',
      to: '2016-09-19T21:00:00.000Z',
      admin: 'SY02',
    });
  });
});
