import { describe, expect, it } from 'vitest';
import { incidentPlace, incidentTitle, isIdLike, type TitleWords, whereName, type WhereLike } from './where.ts';

const urum: WhereLike = {
  place: { name_en: 'Urum al Kubra', name_ar: 'أورم الكبرى', distance_m: 700 },
  district: { name_en: 'Jebel Saman', name_ar: 'جبل سمعان' },
  governorate: { name_en: 'Aleppo', name_ar: 'حلب' },
};

const words = (lang: 'en' | 'ar'): TitleWords => ({
  lang,
  act: lang === 'ar' ? 'غارة جوية' : 'Air strike',
  date: lang === 'ar' ? '١٩ أيلول ٢٠١٦' : '19 Sept 2016',
  compose: ({ act, place, date }) => (lang === 'ar' ? `${act} قرب ${place}، ${date}` : `${act} near ${place}, ${date}`),
});

describe('places and titles for people', () => {
  it("names the nearest place and the governorate in the reader's language", () => {
    expect(whereName(urum, 'en')).toBe('Urum al Kubra, Aleppo');
    expect(whereName(urum, 'ar')).toBe('أورم الكبرى، حلب');
  });

  it('falls back to the district, to the English name, and says a name once', () => {
    expect(whereName({ ...urum, place: null }, 'en')).toBe('Jebel Saman, Aleppo');
    expect(whereName({ ...urum, place: { name_en: 'Kafr Naha', name_ar: null, distance_m: 10 } }, 'ar')).toBe(
      'Kafr Naha، حلب',
    );
    expect(whereName({ ...urum, place: { name_en: 'Aleppo', name_ar: 'حلب', distance_m: 0 } }, 'ar')).toBe('حلب');
    expect(whereName({ place: null, district: null, governorate: null }, 'en')).toBeNull();
    expect(whereName(null, 'en')).toBeNull();
  });

  it('tells ids from words', () => {
    for (const id of [
      'i29-urum-convoy-coi',
      'coh-sept',
      'TARGET_CIVILIAN'.toLowerCase(),
      '7424393c-0a1b-4c2d-8e3f-0123456789ab',
    ])
      expect(isIdLike(id), id).toBe(true);
    for (const text of ['Urum al-Kubra', 'Aid convoy struck at Urum al-Kubra', 'Teir Maaleh village', 'Aleppo'])
      expect(isIdLike(text), text).toBe(false);
    expect(isIdLike('Daraya', 'Daraya')).toBe(true);
  });

  it('keeps a headline that is words, and composes one for a missing or id-like title', () => {
    const base = { id: 'i29-urum-convoy-coi', place: null, where: urum, location: { lon: 36.93, lat: 36.15 } };
    expect(incidentTitle({ ...base, headline: 'Aid convoy struck at Urum al-Kubra' }, words('en'))).toBe(
      'Aid convoy struck at Urum al-Kubra',
    );
    expect(incidentTitle({ ...base, headline: null }, words('en'))).toBe(
      'Air strike near Urum al Kubra, Aleppo, 19 Sept 2016',
    );
    expect(incidentTitle({ ...base, headline: 'i29-urum-convoy-coi' }, words('ar'))).toBe(
      'غارة جوية قرب أورم الكبرى، حلب، ١٩ أيلول ٢٠١٦',
    );
  });

  it("places an incident by the gazetteer, else by its source's words, else by coordinates, never by an id", () => {
    const none = { place: null, district: null, governorate: null };
    expect(
      incidentPlace({ id: 'x', place: 'Teir Maaleh village', where: urum, location: { lon: 0, lat: 0 } }, 'en'),
    ).toBe('Urum al Kubra, Aleppo');
    expect(
      incidentPlace({ id: 'x', place: 'Teir Maaleh village', where: none, location: { lon: 0, lat: 0 } }, 'en'),
    ).toBe('Teir Maaleh village');
    expect(
      incidentPlace(
        { id: 'x', place: 'i29-urum-convoy-coi', where: none, location: { lon: 36.9306, lat: 36.1546 } },
        'en',
      ),
    ).toBe('36.155, 36.931');
  });
});
