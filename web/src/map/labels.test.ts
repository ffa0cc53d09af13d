import { describe, expect, it } from 'vitest';
import { circleHitsRect, labelText, labelVisible } from './labels.ts';

const label = { pcode: 'SY02', level: 1 as const, name_en: 'Aleppo', name_ar: 'حلب', lon: 37, lat: 36 };

describe('place names', () => {
  it('are written in the language of the page', () => {
    expect(labelText(label, 'en')).toBe('Aleppo');
    expect(labelText(label, 'ar')).toBe('حلب');
    expect(labelText({ ...label, name_ar: '' }, 'ar')).toBe('Aleppo');
  });
  it('show governorates when zoomed out and districts when zoomed in', () => {
    expect(labelVisible(1, 6)).toBe(true);
    expect(labelVisible(2, 6)).toBe(false);
    expect(labelVisible(1, 8)).toBe(false);
    expect(labelVisible(2, 8)).toBe(true);
  });
});

describe('circleHitsRect', () => {
  const rect = { left: 10, top: 10, right: 50, bottom: 20 };
  it.each([
    [30, 15, 1, true],
    [5, 15, 6, true],
    [5, 15, 4, false],
    [55, 25, 7.1, true],
    [55, 25, 7, false],
  ] as const)('circle at (%s, %s) r=%s: %s', (x, y, r, hit) => expect(circleHitsRect(x, y, r, rect)).toBe(hit));
});
