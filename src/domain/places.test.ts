import { describe, expect, it } from 'vitest';
import { PlaceIndex } from './places.ts';

const places = [
  { nameEn: 'Aleppo', nameAr: 'حلب', lon: 37.1612, lat: 36.2012 },
  { nameEn: 'Urum al Kubra', nameAr: 'أورم الكبرى', lon: 36.9258, lat: 36.1547 },
  { nameEn: 'Darayya', nameAr: 'داريا', lon: 36.2361, lat: 33.4581 },
];

describe('PlaceIndex.nearest', () => {
  const index = new PlaceIndex(places);
  it.each([
    { name: 'a point in a town names the town', at: [36.931, 36.155], place: 'Urum al Kubra', within: [400, 600] },
    { name: 'the nearer of two places wins', at: [37.05, 36.18], place: 'Aleppo', within: [9_000, 11_000] },
    { name: 'a point far from every place names none', at: [39.0, 34.2], place: null },
  ])('$name', ({ at, place, within }) => {
    const found = index.nearest(at[0]!, at[1]!, 25_000);
    expect(found?.place.nameEn ?? null).toBe(place);
    if (within) {
      expect(found!.distanceM).toBeGreaterThan(within[0]!);
      expect(found!.distanceM).toBeLessThan(within[1]!);
    }
  });

  it('keeps to the reach it is given, and knows no place when it has none', () => {
    expect(index.nearest(37.05, 36.18, 5_000)).toBeNull();
    expect(new PlaceIndex([]).nearest(37, 36, 25_000)).toBeNull();
  });
});
