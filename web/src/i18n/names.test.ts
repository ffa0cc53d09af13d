import { describe, expect, it } from 'vitest';
import {
  ACTS,
  ATTRIBUTION_GRADES,
  CIVILIAN_TARGETS,
  CLASSIFICATIONS,
  INCIDENT_STATUSES,
  VERDICTS,
} from '../api/enums.ts';
import { en } from './en.ts';
import { namer, type Names } from './names.ts';
import { namesAr } from './names-ar.ts';
import { namesEn } from './names-en.ts';

const LANGS: [string, Names][] = [
  ['en', namesEn],
  ['ar', namesAr],
];
const ARABIC = /[\u0600-\u06FF]/;

describe('names of enumerations', () => {
  it('give every value of every enumeration a non-empty text in English and Arabic', () => {
    for (const kind of Object.keys(namesEn) as (keyof Names)[]) {
      expect(Object.keys(namesAr[kind]).sort(), kind).toEqual(Object.keys(namesEn[kind]).sort());
      for (const [lang, names] of LANGS) {
        for (const [value, text] of Object.entries(names[kind]))
          expect(text.trim(), `${lang} ${kind}.${value}`).not.toBe('');
      }
      // An Arabic text left in English would pass the type check: the Arabic words are Arabic ('API' is the one acronym kept).
      for (const [value, text] of Object.entries(namesAr[kind]))
        if (text !== 'API') expect(text, `ar ${kind}.${value}`).toMatch(ARABIC);
    }
  });

  it('cover the lists of values the server declares', () => {
    // The server's own lists (the same values its API schema enumerates), in case the schema and the lists drift.
    const lists: [keyof Names, readonly string[]][] = [
      ['acts', ACTS],
      ['verdicts', VERDICTS],
      ['statuses', INCIDENT_STATUSES],
      ['grades', ATTRIBUTION_GRADES],
      ['targets', CIVILIAN_TARGETS],
      ['classifications', CLASSIFICATIONS],
    ];
    for (const [kind, values] of lists) {
      for (const [, names] of LANGS) for (const v of values) expect(Object.keys(names[kind]), kind).toContain(v);
    }
  });

  it('read a value the app has no name for as itself, and a missing value as unknown', () => {
    const ar = namer(namesAr, 'غير معروف');
    expect(ar.acts('shelling')).toBe(namesAr.acts.shelling);
    expect(ar.acts('drone_swarm')).toBe('drone_swarm');
    expect(ar.grades(null)).toBe('غير معروف');
    expect(namer(namesEn, en['common.unknown']).verdicts(undefined)).toBe('Unknown');
  });
});
