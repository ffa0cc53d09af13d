import { describe, expect, it } from 'vitest';
import { STATEMENT_CODES, STATEMENTS_EN } from '../../../src/contract/statements.ts';
import {
  renderStatement,
  renderStatements,
  type Statement,
  STATEMENTS_AR,
  type StatementReader,
} from './statements.ts';

const reader = (lang: 'en' | 'ar'): StatementReader => ({
  lang,
  actorName: (id) =>
    ({
      'sy-gov': lang === 'ar' ? 'الجيش العربي السوري' : 'Syrian Arab Army',
      'fsa-north': lang === 'ar' ? 'فصائل الشمال' : 'Northern factions',
    })[id] ?? id,
  agreementTitle: (id) => (id === 'coh' ? (lang === 'ar' ? 'وقف الأعمال العدائية' : 'Cessation of Hostilities') : id),
  dateTime: (iso) => `<${iso}>`,
  number: (n) => (lang === 'ar' ? new Intl.NumberFormat('ar-SY').format(n) : String(n)),
});

const rule13: Statement[] = [
  { code: 'finding.rule' as const, params: { rule: { number: 13 }, agreement: { agreement: 'coh' } } },
  {
    code: 'finding.target_area_party' as const,
    params: {
      perpetrator: { actor: 'sy-gov' },
      standing: { statement: { code: 'party.since' as const, params: { at: { instant: '2016-02-26T10:00:00Z' } } } },
      act: {
        statement: {
          code: 'act.shelling' as const,
          params: {
            object: {
              statement: {
                code: 'object.place_held' as const,
                params: { holders: { actors: ['fsa-north', 'sy-gov'] } },
              },
            },
          },
        },
      },
    },
  },
];

describe("statements in the reader's language", () => {
  it('has every statement in Arabic, with the same terms as in English', () => {
    const terms = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of STATEMENT_CODES) expect(terms(STATEMENTS_AR[code]), code).toEqual(terms(STATEMENTS_EN[code]));
  });

  it('writes names, lists, dates and numbers for the reader, never ids', () => {
    expect(renderStatements(rule13, reader('en'))).toBe(
      'Rule 13 of Cessation of Hostilities: Syrian Arab Army (a party since <2016-02-26T10:00:00Z>) ' +
        'shelled a place held at the time by Northern factions and Syrian Arab Army, a party among them.',
    );
    const ar = renderStatements(rule13, reader('ar'));
    expect(ar).toBe(
      'القاعدة ١٣ من وقف الأعمال العدائية: الجيش العربي السوري (طرف منذ <2016-02-26T10:00:00Z>) ' +
        'قصف موقعًا كان حينها تحت سيطرة فصائل الشمال والجيش العربي السوري، ومنهم طرف في الاتفاق.',
    );
    expect(ar).not.toMatch(/sy-gov|fsa-north|coh/);
  });

  it('isolates names in Latin letters inside Arabic, so their punctuation stays with them', () => {
    const latin: StatementReader = {
      ...reader('ar'),
      actorName: () => 'Russian Armed Forces',
      agreementTitle: () => 'Cessation of Hostilities (22 Feb 2016)',
    };
    const text = renderStatement(
      { code: 'alert.violation', params: { agreement: { agreement: 'coh' }, violators: { actors: ['ru'] } } },
      latin,
    );
    expect(text).toBe(
      'خرق لـ\u2068Cessation of Hostilities (22 Feb 2016)\u2069 من قِبل \u2068Russian Armed Forces\u2069.',
    );
    expect(
      renderStatement(
        { code: 'alert.violation', params: { agreement: { agreement: 'coh' }, violators: { actors: ['ru'] } } },
        { ...latin, lang: 'en' },
      ),
    ).toBe('A violation of Cessation of Hostilities (22 Feb 2016) by Russian Armed Forces.');
  });

  it("reads a protected site's kind as words, not as its code", () => {
    const near = {
      code: 'alert.protected_site' as const,
      params: { distance: { number: 0 }, kind: { text: 'aid_facility' }, buffer: { number: 1000 } },
    };
    expect(renderStatement(near, reader('en'))).toBe(
      '0 m from a protected site (aid facility) notified to the parties, inside its 1000 m buffer.',
    );
    expect(renderStatement(near, reader('ar'))).toBe(
      'على بعد ٠ م من موقع محمي (منشأة إغاثة) أُبلغت به الأطراف، داخل نطاقه البالغ ١٬٠٠٠ م.',
    );
    expect(
      renderStatement({ ...near, params: { ...near.params, kind: { text: 'water_station' } } }, reader('en')),
    ).toContain('(water station)');
  });

  it('names acts and civilian objects in the language, and withheld causes plainly', () => {
    const denial = {
      code: 'finding.target_civilian' as const,
      params: {
        perpetrator: { actor: 'sy-gov' },
        standing: { statement: { code: 'party.plain' as const, params: {} } },
        act: { statement: { code: 'act.access_denial' as const, params: { object: { civilian: 'convoy' as const } } } },
      },
    };
    expect(renderStatement(denial, reader('en'))).toBe(
      'Syrian Arab Army (a party) denied access to a humanitarian convoy: a civilian target.',
    );
    expect(renderStatement(denial, reader('ar'))).toBe('الجيش العربي السوري (طرف) منع وصول قافلة إنسانية: هدف مدني.');
    expect(renderStatement({ code: 'cause.withheld', params: {} }, reader('ar'))).toBe(
      'تغيير في سجل لا يحق لك الاطلاع عليه.',
    );
  });
});
