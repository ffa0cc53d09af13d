/**
 * One row of the UCDP Georeferenced Event Dataset (GED 19.1 codebook), the columns the import
 * reads. Every field arrives as text; a problem names its column
 * (`latitude: must be between -90 and 90`), and every problem of a row is reported, not only the
 * first.
 */
import { z } from 'zod';
import { type Statement, type StatementCode, statement } from '../../domain/statements.ts';
import { isCalendarDate } from '../../domain/time.ts';
import { type FieldProblem, problemOf, valueTerms } from '../row-problems.ts';

/** The columns the import needs; a file without one of them cannot be read at all. */
export const UCDP_COLUMNS = [
  'id',
  'type_of_violence',
  'side_a_new_id',
  'side_a',
  'side_b_new_id',
  'side_b',
  'source_headline',
  'where_prec',
  'where_coordinates',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'low',
  'best',
  'high',
] as const;
export type UcdpColumn = (typeof UCDP_COLUMNS)[number];

const text = () => z.string({ error: 'is missing' });

/** A custom issue whose English is its statement's (row-problems.ts). */
const issueOf = (code: StatementCode, value: string, numbers: Record<string, number> = {}, start?: string) => {
  const p = problemOf('', code, {
    ...valueTerms(value, numbers),
    ...(start === undefined ? {} : { start: { text: start } }),
  });
  return { code: 'custom' as const, message: p.message, params: { statement: p.statement } };
};

/** A whole number from min to max (max omitted: no upper bound). */
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  text().transform((s, ctx) => {
    const n = s.trim() === '' ? NaN : Number(s);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    ctx.addIssue(
      max === Number.MAX_SAFE_INTEGER
        ? issueOf('problem.import_whole_min', s, { min })
        : issueOf('problem.import_whole_range', s, { min, max }),
    );
    return z.NEVER;
  });

const between = (min: number, max: number) =>
  text().transform((s, ctx) => {
    const n = s.trim() === '' ? NaN : Number(s);
    if (Number.isFinite(n) && n >= min && n <= max) return n;
    ctx.addIssue(issueOf('problem.import_between', s, { min, max }));
    return z.NEVER;
  });

/** Dates seen valid, remembered: a file holds a few thousand distinct dates in many rows. */
const validDates = new Set<string>();
const isDate = (s: string): boolean => {
  if (validDates.has(s)) return true;
  if (!isCalendarDate(s)) return false;
  if (validDates.size < 100_000) validDates.add(s);
  return true;
};

const date = () =>
  text().check((ctx) => {
    if (!isDate(ctx.value)) ctx.issues.push({ ...issueOf('problem.import_day', ctx.value), input: ctx.value });
  });

const name = () =>
  text().check((ctx) => {
    if (ctx.value.trim() === '') ctx.issues.push({ ...issueOf('problem.import_empty', ctx.value), input: ctx.value });
  });

export const ucdpRowSchema = z
  .object({
    id: whole(1),
    type_of_violence: whole(1, 3),
    side_a_new_id: whole(0),
    side_a: name(),
    side_b_new_id: whole(0),
    side_b: name(),
    source_headline: text(),
    where_prec: whole(1, 7),
    where_coordinates: text(),
    adm_1: text(),
    adm_2: text(),
    latitude: between(-90, 90),
    longitude: between(-180, 180),
    date_prec: whole(1, 5),
    date_start: date(),
    date_end: date(),
    deaths_a: whole(0),
    deaths_b: whole(0),
    deaths_civilians: whole(0),
    deaths_unknown: whole(0),
    low: whole(0),
    best: whole(0),
    high: whole(0),
  })
  .check((ctx) => {
    const { date_start: start, date_end: end } = ctx.value;
    // Only between two dates: a refinement failing above does not stop this check.
    if (isDate(start) && isDate(end) && end < start)
      ctx.issues.push({
        ...issueOf('problem.import_before_start', end, {}, start),
        input: end,
        path: ['date_end'],
      });
  });

export type UcdpRow = z.infer<typeof ucdpRowSchema>;

export type RowCheck = { ok: true; row: UcdpRow; notes: FieldProblem[] } | { ok: false; problems: FieldProblem[] };

/** Checks one row given as column → text. */
export function checkUcdpRow(record: Readonly<Record<string, string | undefined>>): RowCheck {
  const parsed = ucdpRowSchema.safeParse(record);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(row)',
        message: i.message,
        statement:
          (i.code === 'custom' ? (i.params as { statement?: Statement } | undefined)?.statement : undefined) ??
          (i.code === 'invalid_type' && i.input === undefined
            ? statement('problem.import_missing')
            : statement('problem.other', { text: { text: i.message } })),
      })),
    };
  }
  return { ok: true, row: parsed.data, notes: deathRangeNotes(parsed.data) };
}

/**
 * The codebook says low <= best <= high, but UCDP's own files break it (101 of the 16,566 Syria
 * rows of 2016-2019). `best` is the sum of the deaths by side, so it is the figure to trust: such
 * a row is kept as published, with a note, rather than lost.
 */
export function deathRangeNotes(row: Pick<UcdpRow, 'low' | 'best' | 'high'>): FieldProblem[] {
  const { low, best, high } = row;
  if (low <= best && best <= high) return [];
  const code =
    low > high
      ? 'problem.import_low_above_high'
      : best < low
        ? 'problem.import_best_below_low'
        : 'problem.import_best_above_high';
  return [problemOf('low/best/high', code, valueTerms(undefined, { low, best, high }))];
}
