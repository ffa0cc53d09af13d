import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UCDP_ACTORS } from '../ucdp/ucdp-actors.ts';
import { draftReports, TextIntakeRules } from './draft-reports.ts';
import { findDates } from './text-dates.ts';
import { findCasualties } from './text-figures.ts';
import type { GazetteerPlace } from './text-places.ts';

const places = (
  JSON.parse(readFileSync(new URL('../../../data/gazetteer-sy.json', import.meta.url), 'utf8')) as {
    places: GazetteerPlace[];
  }
).places;
const rules = new TextIntakeRules(places, UCDP_ACTORS);
// A Thursday.
const TEXT_DATE = '2016-07-07';

describe('dates', () => {
  it.each([
    ['On 26 June, the army advanced.', '26 June', '2016-06-26'],
    ['Fighting resumed on March 3, 2015.', 'March 3, 2015', '2015-03-03'],
    ['It was shelled yesterday.', 'yesterday', '2016-07-06'],
    ['Jets struck on Tuesday.', 'on Tuesday', '2016-07-05'],
    ['Clashes broke out last night.', 'last night', '2016-07-06'],
    ['قصفت الطائرات البلدة أمس.', 'أمس', '2016-07-06'],
    ['غارات يوم الثلاثاء على المدينة.', 'يوم الثلاثاء', '2016-07-05'],
    ['اشتباكات الليلة الماضية.', 'الليلة الماضية', '2016-07-06'],
    ['في ٢٥ حزيران ٢٠١٦ قصفت', '٢٥ حزيران ٢٠١٦', '2016-06-25'],
  ])('%s', (text, words, day) => {
    const [d] = findDates(text, TEXT_DATE);
    expect(d).toMatchObject({ day, span: { text: words } });
    expect(text.slice(d!.span.start, d!.span.end)).toBe(words);
  });

  it('a date without its year takes the year the text wrote last, else the one before a later day', () => {
    expect(findDates('In 2015 the town fell. On 4 May it was retaken.', TEXT_DATE).map((d) => d.day)).toEqual([
      '2015-05-04',
    ]);
    expect(findDates('On 30 December the town fell.', TEXT_DATE)[0]!.day).toBe('2015-12-30');
  });
});

describe('casualties', () => {
  it.each([
    ['killing at least 12 civilians', { low: 12, best: null, high: null }, null],
    ['Between 10 and 15 people were killed and five injured.', { low: 10, best: null, high: 15 }, 5],
    ['more than 20 were killed', { low: 21, best: null, high: null }, null],
    ['أسفرت عن مقتل ما لا يقل عن ١٢ مدنيا وإصابة خمسة آخرين', { low: 12, best: null, high: null }, 5],
    ['سقط ثلاثة قتلى', { low: 3, best: 3, high: 3 }, null],
    ['مقتل بين 10 و 15 شخصا', { low: 10, best: null, high: 15 }, null],
  ])('%s', (text, killed, injured) => {
    const c = findCasualties(text, 0, text);
    expect(c.killed).toMatchObject(killed);
    expect(c.injured?.best ?? null).toBe(injured);
  });

  it('a year or a count of villages is not a casualty figure', () => {
    expect(findCasualties('The army captured 3 villages on 26 June 2016.', 0, 'x')).toEqual({
      killed: null,
      injured: null,
    });
  });
});

describe('drafts', () => {
  it('drafts one report per event, in English, each field with its words', () => {
    const text =
      'Russian warplanes struck a market in Maarat al-Numan on Tuesday, killing at least 12 civilians and wounding 30. The dead included four children.\n' +
      'Rebels shelled the Hamdaniyah district of Aleppo yesterday.';
    const { drafts } = draftReports(rules, text, TEXT_DATE);
    expect(drafts).toHaveLength(2);
    const [a, b] = drafts;
    expect(a).toMatchObject({
      date: { day: '2016-07-05', span: { text: 'on Tuesday' } },
      place: { name: 'Ma`arrat an Nu`man', precision: 'town', admin1: 'Idleb', span: { text: 'Maarat al-Numan' } },
      act: { act: 'air_strike', span: { text: 'warplanes' } },
      killed: { low: 12, high: null },
      injured: { best: 30 },
    });
    expect(a!.actors[0]).toMatchObject({ id: 'ru', acted: true });
    expect(a!.span.text).toContain('four children');
    expect(b).toMatchObject({ date: { day: '2016-07-06' }, place: { name: 'Aleppo' }, act: { act: 'shelling' } });
    expect(b!.actors[0]).toMatchObject({ id: 'syrian-insurgents', acted: true });
  });

  it('drafts in Arabic: prefixes, relative dates, the actor after the act', () => {
    const text =
      'قُتل خمسة مدنيين يوم الثلاثاء في غارات للطيران الروسي على مدينة إدلب.\nوقصفت قوات النظام بلدة دوما بريف دمشق أمس، ما أسفر عن مقتل ما لا يقل عن ١٢ شخصا.';
    const { drafts, language } = draftReports(rules, text, TEXT_DATE);
    expect(language).toBe('ar');
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({
      date: { day: '2016-07-05' },
      place: { name: 'Idlib', precision: 'town', span: { text: 'إدلب' } },
      act: { act: 'air_strike' },
    });
    expect(drafts[0]!.actors[0]).toMatchObject({ id: 'ru', acted: true, span: { text: 'للطيران الروسي' } });
    expect(drafts[1]).toMatchObject({
      date: { day: '2016-07-06', span: { text: 'أمس' } },
      place: { name: 'Duma', span: { text: 'دوما' } },
      killed: { low: 12 },
    });
    expect(drafts[1]!.actors[0]).toMatchObject({ id: 'sy-gov', acted: true });
  });

  it('reads the level of a place from the words beside it, in both languages', () => {
    const en = draftReports(rules, 'Air strikes hit Idlib province.', TEXT_DATE).drafts[0]!;
    expect(en.place).toMatchObject({ name: 'Idleb', precision: 'governorate', span: { text: 'Idlib' } });
    const ar = draftReports(rules, 'غارات على ريف حلب.', TEXT_DATE).drafts[0]!;
    expect(ar.place).toMatchObject({ precision: 'governorate', span: { text: 'حلب' } });
  });

  it('an ambiguous name: the place in a governorate the text names wins, the others listed', () => {
    const names = new Map<string, GazetteerPlace[]>();
    for (const p of places.filter((p) => p.kind === 'town')) names.set(p.name_en, [...(names.get(p.name_en) ?? []), p]);
    const [name, same] = [...names].find(([, ps]) => new Set(ps.map((p) => p.admin1)).size > 1)!;
    const other = same.find((p) => p.admin1 !== same[0]!.admin1)!;
    const text = `Shelling hit ${name} in ${other.admin1} province.`;
    const place = draftReports(rules, text, TEXT_DATE).drafts[0]!.place!;
    expect(place.admin1).toBe(other.admin1);
    expect(place.alternatives.length).toBeGreaterThan(0);
  });

  it('a place inside an actor’s name is not a place', () => {
    const { places: found, actors } = draftReports(rules, 'Ahrar al-Sham attacked.', TEXT_DATE);
    expect(found).toEqual([]);
    expect(actors.map((a) => a.id)).toEqual(['ahrar-al-sham']);
  });
});

describe('Arabic with its diacritics', () => {
  it('reads "قُتل خمسة مدنيين" as five killed, the words as written', () => {
    const text = 'قُتل خمسة مدنيين يوم الثلاثاء.';
    expect(findCasualties(text, 0, text).killed).toMatchObject({ best: 5, span: { text: 'قُتل خمسة' } });
  });
});
