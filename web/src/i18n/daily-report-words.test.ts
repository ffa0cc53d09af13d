/**
 * The daily report's words against the web app's: the names of acts, verdicts, convoy states and
 * hotline priorities the report writes are the pages' own, in English and Arabic; every Arabic word
 * fills the placeholders its English fills, and none is left in English.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_WORDS, type ReportWord } from '../../../src/app/daily-report/daily-report-words.ts';
import { ar as webAr } from './ar.ts';
import { en as webEn } from './en.ts';
import { namesAr } from './names-ar.ts';
import { namesEn } from './names-en.ts';

const SAME = [
  ...Object.keys(namesEn.acts).map((k) => [`act.${k}`, namesEn.acts, namesAr.acts, k] as const),
  ...(['violation', 'needs_review', 'permitted', 'not_covered'] as const).map(
    (k) => [`verdict.${k}`, namesEn.verdicts, namesAr.verdicts, k] as const,
  ),
  ...Object.keys(namesEn.convoyStates).map(
    (k) => [`convoyState.${k}`, namesEn.convoyStates, namesAr.convoyStates, k] as const,
  ),
];

describe("the daily report's words", () => {
  it.each(SAME)('%s is the web app’s name', (word, en, ar, key) => {
    expect(REPORT_WORDS.en[word as ReportWord]).toBe((en as Record<string, string>)[key]);
    expect(REPORT_WORDS.ar[word as ReportWord]).toBe((ar as Record<string, string>)[key]);
  });

  it.each(['urgent', 'high', 'routine'] as const)('names the priority %s as the hotline does', (p) => {
    expect(REPORT_WORDS.en[`priority.${p}`]).toBe(webEn[`hotline.badge.${p}`]);
    expect(REPORT_WORDS.ar[`priority.${p}`]).toBe(webAr[`hotline.badge.${p}`]);
  });

  it('fills in Arabic the placeholders it fills in English, and no word is left in English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(REPORT_WORDS.en) as ReportWord[]) {
      expect(placeholders(REPORT_WORDS.ar[key]), key).toEqual(placeholders(REPORT_WORDS.en[key]));
      if (key !== 'separator' && key !== 'area.allInText')
        expect(REPORT_WORDS.ar[key], key).not.toBe(REPORT_WORDS.en[key]);
    }
  });
});
