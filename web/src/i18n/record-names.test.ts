import { describe, expect, it } from 'vitest';
import { localName, nameLookup, nameIn, sortedByName, titleIn } from './record-names.ts';
import { renderStatement, type StatementReader } from './statements.ts';

/** The world as the API gives it: some records named in Arabic, some not (yet). */
const WORLD = {
  actors: [
    { id: 'sy-gov', name: 'Syrian Arab Army', name_ar: 'الجيش العربي السوري' },
    { id: 'isil', name: 'Islamic State', name_ar: 'تنظيم الدولة الإسلامية' },
    { id: 'ucdp-1', name: 'Liwa al-Haqq', name_ar: null },
  ],
  agreements: [
    { id: 'coh', title: 'Cessation of Hostilities', title_ar: 'وقف الأعمال العدائية' },
    { id: 'local', title: 'Local truce', title_ar: null },
    { id: 'untitled', title: '', title_ar: null },
  ],
  organizations: [
    { id: 'sarc', name: 'Syrian Arab Red Crescent', name_ar: 'الهلال الأحمر العربي السوري' },
    { id: 'ngo', name: 'A humanitarian NGO', name_ar: '' },
  ],
  zones: [
    { id: 'z-daraya', name: 'Daraya', name_ar: 'داريا' },
    { id: 'z-new', name: 'Jobar', name_ar: null },
  ],
};

describe('names in the reader’s language', () => {
  it('gives an Arabic page the Arabic name of each kind of record, and an English page the English one', () => {
    const ar = nameLookup('ar', WORLD);
    expect([ar.actor('sy-gov'), ar.agreement('coh'), ar.organization('sarc'), ar.zone('z-daraya')]).toEqual([
      'الجيش العربي السوري',
      'وقف الأعمال العدائية',
      'الهلال الأحمر العربي السوري',
      'داريا',
    ]);
    const en = nameLookup('en', WORLD);
    expect([en.actor('sy-gov'), en.agreement('coh'), en.organization('sarc'), en.zone('z-daraya')]).toEqual([
      'Syrian Arab Army',
      'Cessation of Hostilities',
      'Syrian Arab Red Crescent',
      'Daraya',
    ]);
  });

  it('falls back to the English name on an Arabic page when a record has no Arabic one (null or empty)', () => {
    const ar = nameLookup('ar', WORLD);
    expect([ar.actor('ucdp-1'), ar.agreement('local'), ar.organization('ngo'), ar.zone('z-new')]).toEqual([
      'Liwa al-Haqq',
      'Local truce',
      'A humanitarian NGO',
      'Jobar',
    ]);
    // An agreement with no title at all is named by its id; an id the reader has no record of, by nothing.
    expect(ar.agreement('untitled')).toBe('untitled');
    expect(ar.actor('hidden')).toBeUndefined();
  });

  it('reads one record the same way', () => {
    expect(localName('ar', 'Daraya', 'داريا')).toBe('داريا');
    expect(localName('ar', 'Daraya', undefined)).toBe('Daraya');
    expect(localName('en', 'Daraya', 'داريا')).toBe('Daraya');
    expect(nameIn('ar', WORLD.zones[1]!)).toBe('Jobar');
    expect(titleIn('ar', WORLD.agreements[0]!)).toBe('وقف الأعمال العدائية');
  });

  it('lists records by the names the reader reads', () => {
    const ids = (lang: 'en' | 'ar') => sortedByName(lang, WORLD.actors).map((a) => a.id);
    expect(ids('en')).toEqual(['isil', 'ucdp-1', 'sy-gov']);
    // Arabic names sort among themselves; an English name left in Latin letters follows them.
    expect(ids('ar')).toEqual(['sy-gov', 'isil', 'ucdp-1']);
  });

  it('names a zone in a statement in Arabic when the page knows its Arabic name, else as the statement gives it', () => {
    const zones = nameLookup('ar', WORLD);
    const reader: StatementReader = {
      lang: 'ar',
      actorName: (id) => nameLookup('ar', WORLD).actor(id) ?? id,
      agreementTitle: (id) => id,
      zoneName: (id, given) => zones.zone(id) ?? given,
      dateTime: () => '٢٧ آب ٢٠١٦',
      number: String,
    };
    const change = (zone: string, name: string) =>
      renderStatement(
        {
          code: 'territory.change',
          params: {
            zone: { zone, name },
            at: { instant: '2016-08-26T21:00:00Z' },
            before: { actors: ['isil'] },
            after: { actors: ['sy-gov'] },
          },
        },
        reader,
      );
    expect(change('z-daraya', 'Daraya')).toBe(
      'في ٢٧ آب ٢٠١٦، انتقلت السيطرة على داريا من تنظيم الدولة الإسلامية إلى الجيش العربي السوري.',
    );
    // Not among the zones the page has read: the statement's English name, kept apart from the Arabic around it.
    expect(change('z-other', 'Tadmur')).toContain('\u2068Tadmur\u2069');
  });
});
