import { describe, expect, it } from 'vitest';
import { problemLine } from '../row-problems.ts';
import { checkUcdpRow, deathRangeNotes } from './ucdp-row.ts';

/** Row 214797 of the GED file, the columns the import reads. */
const ROW: Record<string, string> = {
  id: '214797',
  type_of_violence: '1',
  side_a_new_id: '118',
  side_a: 'Government of Syria',
  side_b_new_id: '4456',
  side_b: 'Syrian insurgents',
  source_headline: '14 shells hit Dahya al-Assad an clashes continue around Ter Ma’la',
  where_prec: '1',
  where_coordinates: 'Teir Maaleh village',
  adm_1: 'Homs Governorate',
  adm_2: 'Ar Rastan district',
  latitude: '34.802462',
  longitude: '36.707602',
  date_prec: '1',
  date_start: '2016-01-01',
  date_end: '2016-01-01',
  deaths_a: '2',
  deaths_b: '2',
  deaths_civilians: '0',
  deaths_unknown: '0',
  low: '4',
  best: '4',
  high: '4',
};

const problems = (changes: Record<string, string | undefined>): string[] => {
  const check = checkUcdpRow({ ...ROW, ...changes });
  return check.ok ? [] : check.problems.map(problemLine);
};

describe('checkUcdpRow', () => {
  it('reads a good row into numbers and dates', () => {
    const check = checkUcdpRow(ROW);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.row).toMatchObject({
      id: 214797,
      type_of_violence: 1,
      side_a_new_id: 118,
      latitude: 34.802462,
      where_prec: 1,
      low: 4,
    });
    expect(check.notes).toEqual([]);
  });

  it.each([
    { changes: { latitude: '123' }, problem: 'latitude: must be between -90 and 90, not "123"' },
    { changes: { latitude: '' }, problem: 'latitude: must be between -90 and 90, not ""' },
    { changes: { longitude: '-181' }, problem: 'longitude: must be between -180 and 180, not "-181"' },
    { changes: { longitude: 'east' }, problem: 'longitude: must be between -180 and 180, not "east"' },
    { changes: { date_start: '2016-02-30' }, problem: 'date_start: must be a date YYYY-MM-DD, not "2016-02-30"' },
    { changes: { date_end: '01/01/2016' }, problem: 'date_end: must be a date YYYY-MM-DD, not "01/01/2016"' },
    {
      changes: { date_end: '2015-12-31' },
      problem: 'date_end: must not be before date_start (2016-01-01), not "2015-12-31"',
    },
    { changes: { where_prec: '8' }, problem: 'where_prec: must be a whole number from 1 to 7, not "8"' },
    { changes: { where_prec: '0' }, problem: 'where_prec: must be a whole number from 1 to 7, not "0"' },
    { changes: { date_prec: '6' }, problem: 'date_prec: must be a whole number from 1 to 5, not "6"' },
    { changes: { type_of_violence: '4' }, problem: 'type_of_violence: must be a whole number from 1 to 3, not "4"' },
    {
      changes: { type_of_violence: '1.5' },
      problem: 'type_of_violence: must be a whole number from 1 to 3, not "1.5"',
    },
    { changes: { best: '-1' }, problem: 'best: must be a whole number, 0 or more, not "-1"' },
    {
      changes: { deaths_civilians: 'many' },
      problem: 'deaths_civilians: must be a whole number, 0 or more, not "many"',
    },
    { changes: { id: '0' }, problem: 'id: must be a whole number, 1 or more, not "0"' },
    { changes: { side_a: ' ' }, problem: 'side_a: is empty' },
    { changes: { side_b: undefined }, problem: 'side_b: is missing' },
  ])('rejects $problem', ({ changes, problem }) => {
    expect(problems(changes)).toEqual([problem]);
  });

  it('names every problem of a row, not only the first', () => {
    expect(problems({ latitude: '123', date_start: 'soon', where_prec: '9' })).toEqual([
      'where_prec: must be a whole number from 1 to 7, not "9"',
      'latitude: must be between -90 and 90, not "123"',
      'date_start: must be a date YYYY-MM-DD, not "soon"',
    ]);
  });

  it('keeps a row whose deaths break low <= best <= high, with a note', () => {
    const check = checkUcdpRow({ ...ROW, low: '177', best: '142', high: '177' });
    expect(check).toMatchObject({
      ok: true,
      notes: [
        expect.objectContaining({
          path: 'low/best/high',
          message: 'best (142) is below low (177); kept as UCDP published it',
        }),
      ],
    });
  });
});

describe('deathRangeNotes', () => {
  it.each([
    { low: 4, best: 4, high: 4, note: null },
    { low: 1, best: 2, high: 3, note: null },
    { low: 177, best: 142, high: 177, note: 'best (142) is below low (177)' },
    { low: 1, best: 2, high: 1, note: 'best (2) is above high (1)' },
    { low: 8, best: 15, high: 7, note: 'low (8) is above high (7)' },
  ])('$low/$best/$high: $note', ({ low, best, high, note }) => {
    expect(deathRangeNotes({ low, best, high }).map(problemLine)).toEqual(
      note === null ? [] : [`low/best/high: ${note}; kept as UCDP published it`],
    );
  });
});
