import { describe, expect, it } from 'vitest';
import { readAround, recordPath, shownEntries, siteKindKey } from './review-words.ts';

const incident = { occurred_at: '2016-04-27T18:45:00Z', location: { lon: 37.1525, lat: 36.179 } };
const at = '2016-04-26T22:30:00Z';

describe('the post-incident review’s words and links', () => {
  it.each([
    ['hospital', 'site.kind.hospital'],
    ['idp_camp', 'site.kind.idp_camp'],
    ['convoy_route', 'site.kind.convoy_route'],
    ['a kind from a newer server', 'site.kind.other'],
    [null, 'site.kind.other'],
  ])('names a site of kind %s by %s', (kind, key) => {
    expect(siteKindKey(kind)).toBe(key);
  });

  it.each([
    ['incident', 'i04', '/incidents/i04'],
    ['report', 'r 1', '/reports/r%201'],
    ['hotline_thread', 't1', '/hotline?thread=t1'],
    ['notification', 'n1', '/notifications'],
    // A site on the incident's day in Damascus (21:45 on the 27th), a notice on its own day (01:30 on the 27th).
    ['protected_site', 's1', '/map?day=2016-04-27&view=37.1525,36.1790,13.0'],
    ['operation', 'o1', '/map?day=2016-04-27&view=37.1525,36.1790,13.0'],
  ] as const)('links a %s to %s', (type, id, path) => {
    expect(recordPath({ at, record: { type, id } }, incident, 'Asia/Damascus')).toBe(path);
  });

  it('a notice is shown on its own local day, not UTC’s', () => {
    expect(recordPath({ at: '2016-04-26T21:30:00Z', record: { type: 'convoy', id: 'c' } }, incident, 'UTC')).toContain(
      'day=2016-04-26',
    );
    expect(
      recordPath({ at: '2016-04-26T21:30:00Z', record: { type: 'convoy', id: 'c' } }, incident, 'Asia/Damascus'),
    ).toContain('day=2016-04-27');
  });

  it('reads how far around from the query string, the default for anything it does not offer', () => {
    expect(readAround(new URLSearchParams(''))).toEqual({ hours: 48, km: 10 });
    expect(readAround(new URLSearchParams('hours=72&km=20'))).toEqual({ hours: 72, km: 20 });
    expect(readAround(new URLSearchParams('hours=5000&km=-1'))).toEqual({ hours: 48, km: 10 });
  });

  it('hides the groups unticked, never the incident itself', () => {
    const entries = [{ group: 'incident' }, { group: 'hotline' }, { group: 'reported' }] as const;
    expect(shownEntries(entries, new Set(['hotline', 'incident']))).toEqual([
      { group: 'incident' },
      { group: 'reported' },
    ]);
  });
});
