/**
 * Dates in a text, as days: absolute ("25 June 2016", "June 25", "2016-06-25", "25/6/2016", "25
 * حزيران 2016", "٢٥ يونيو") and relative to the text's own date ("yesterday", "on Tuesday", "last
 * night", "أمس", "يوم الثلاثاء", "الليلة الماضية"). A date without its year takes the last year
 * the text wrote before it, else the text's year (the year before when that would put it after
 * the text). A weekday is the latest such day on or before the text's date. Pure: the text's date
 * is given.
 */
import { type Span, spanOf, westernDigits } from './text-tokens.ts';

export interface FoundDate {
  /** YYYY-MM-DD. */
  day: string;
  relative: boolean;
  /** "last night", "الليلة الماضية". */
  night: boolean;
  span: Span;
}

const MONTHS_EN: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
// Levantine and Egyptian month names, folded (alef forms as bare alef, ta marbuta as ha).
const MONTHS_AR: Readonly<Record<string, number>> = {
  'كانون الثاني': 1,
  يناير: 1,
  شباط: 2,
  فبراير: 2,
  اذار: 3,
  مارس: 3,
  نيسان: 4,
  ابريل: 4,
  أبريل: 4,
  ايار: 5,
  مايو: 5,
  حزيران: 6,
  يونيو: 6,
  تموز: 7,
  يوليو: 7,
  اب: 8,
  اغسطس: 8,
  ايلول: 9,
  سبتمبر: 9,
  'تشرين الاول': 10,
  اكتوبر: 10,
  'تشرين الثاني': 11,
  نوفمبر: 11,
  'كانون الاول': 12,
  ديسمبر: 12,
};
const WEEKDAYS_EN: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const WEEKDAYS_AR: Readonly<Record<string, number>> = {
  الاحد: 0,
  الاثنين: 1,
  الثلاثاء: 2,
  الاربعاء: 3,
  الخميس: 4,
  الجمعه: 5,
  السبت: 6,
};

const EN_MONTH = Object.keys(MONTHS_EN).join('|');
const AR_MONTH = Object.keys(MONTHS_AR)
  .sort((a, b) => b.length - a.length)
  .map((m) => m.replace(/ا/g, '[اأإآ]').replace(/ه$/, '[هة]').replace(/ /g, '\\s+'))
  .join('|');
const AR_WEEKDAY = Object.keys(WEEKDAYS_AR)
  .map((d) => d.replace(/ا/g, '[اأإآ]').replace(/ه$/, '[هة]'))
  .join('|');

interface Rule {
  pattern: RegExp;
  resolve: (
    m: RegExpExecArray,
    ctx: Context,
  ) => { day: string | null; relative: boolean; night?: boolean; year?: number };
}

interface Context {
  textDay: Date;
  /** The last year the text wrote, before this date. */
  year: number | null;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const YEAR = '((?:19|20)\\d\\d)';

const RULES: Rule[] = [
  // 2016-06-25
  { pattern: re(`${YEAR}-(\\d\\d)-(\\d\\d)`), resolve: (m) => abs(+m[1]!, +m[2]!, +m[3]!) },
  // 25/6/2016
  { pattern: re(`(\\d{1,2})/(\\d{1,2})/${YEAR}`), resolve: (m) => abs(+m[3]!, +m[2]!, +m[1]!) },
  // 25 June 2016, 25th of June, 25 June
  {
    pattern: re(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${EN_MONTH})\\.?(?:,?\\s+${YEAR})?`, 'iu'),
    resolve: (m, c) => dayOf(+m[1]!, MONTHS_EN[m[2]!.toLowerCase()]!, m[3], c),
  },
  // June 25, 2016; June 25
  {
    pattern: re(`(${EN_MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?`, 'iu'),
    resolve: (m, c) => dayOf(+m[2]!, MONTHS_EN[m[1]!.toLowerCase()]!, m[3], c),
  },
  // ٢٥ حزيران ٢٠١٦, 25 يونيو/حزيران 2016
  {
    pattern: re(
      `(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?(${AR_MONTH})(?:\\s*/\\s*(?:${AR_MONTH}))?(?:\\s+(?:عام\\s+|سنة\\s+)?${YEAR})?`,
    ),
    resolve: (m, c) => dayOf(+m[1]!, monthAr(m[2]!), m[3], c),
  },
  { pattern: re('day before yesterday|(?:أول|اول)\\s+(?:أمس|امس)', 'iu'), resolve: (_m, c) => rel(c, -2) },
  { pattern: re('yesterday|(?:أمس|امس|الأمس|البارحة)', 'iu'), resolve: (_m, c) => rel(c, -1) },
  {
    pattern: re('last night|overnight|(?:الليلة|ليلة)\\s+(?:الماضية|أمس|امس|البارحة)', 'iu'),
    resolve: (_m, c) => ({ ...rel(c, -1), night: true }),
  },
  { pattern: re('today|this morning|(?:اليوم|صباح اليوم)', 'iu'), resolve: (_m, c) => rel(c, 0) },
  {
    pattern: re(`(?:(?:on|last)\\s+)?(${Object.keys(WEEKDAYS_EN).join('|')})`, 'iu'),
    resolve: (m, c) => weekday(c, WEEKDAYS_EN[m[1]!.toLowerCase()]!),
  },
  {
    pattern: re(`(?:(?:يوم|[وف]?يوم|مساء|صباح|ليلة)\\s+)?(${AR_WEEKDAY})(?:\\s+(?:الماضي|الفائت))?`),
    resolve: (m, c) => weekday(c, WEEKDAYS_AR[foldAr(m[1]!)]!),
  },
  // A year alone ("in 2016", "عام 2016"): no day, but it sets the year of the dates after it.
  { pattern: re(YEAR), resolve: (m) => ({ day: null, relative: false, year: +m[1]! }) },
];

function re(body: string, flags = 'u'): RegExp {
  return new RegExp(`${B}(?:${body})${E}`, flags.includes('g') ? flags : `${flags}g`);
}

const foldAr = (s: string) => s.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه');
const monthAr = (s: string) => MONTHS_AR[foldAr(s).replace(/\s+/g, ' ')] ?? 0;
const iso = (d: Date) => d.toISOString().slice(0, 10);

function abs(y: number, m: number, d: number) {
  const date = new Date(Date.UTC(y, m - 1, d));
  const ok = m >= 1 && m <= 12 && date.getUTCDate() === d;
  return { day: ok ? iso(date) : null, relative: false, year: y };
}

function dayOf(d: number, m: number, year: string | undefined, c: Context) {
  if (year !== undefined) return abs(+year, m, d);
  let y = c.year ?? c.textDay.getUTCFullYear();
  if (c.year === null && Date.UTC(y, m - 1, d) > c.textDay.getTime()) y -= 1;
  const r = abs(y, m, d);
  return { day: r.day, relative: false };
}

function rel(c: Context, days: number) {
  return { day: iso(new Date(c.textDay.getTime() + days * 86_400_000)), relative: true };
}

function weekday(c: Context, dow: number) {
  const back = (c.textDay.getUTCDay() - dow + 7) % 7;
  return rel(c, -back);
}

/** Every date in `text`, in order; `textDate` is YYYY-MM-DD. */
export function findDates(text: string, textDate: string): FoundDate[] {
  const digits = westernDigits(text); // same length: the spans hold
  const hits: Array<{ start: number; end: number; rule: Rule; m: RegExpExecArray }> = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(digits); m; m = rule.pattern.exec(digits)) {
      const start = m.index;
      // "4 May." ends a sentence: the full stop is not the date's.
      const end = start + m[0].replace(/\.$/, '').length;
      if (!hits.some((h) => start < h.end && h.start < end)) hits.push({ start, end, rule, m });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const ctx: Context = { textDay: new Date(`${textDate}T00:00:00Z`), year: null };
  const found: FoundDate[] = [];
  for (const h of hits) {
    const r = h.rule.resolve(h.m, ctx);
    if (r.year !== undefined) ctx.year = r.year;
    if (r.day === null) continue;
    found.push({ day: r.day, relative: r.relative, night: r.night ?? false, span: spanOf(text, h.start, h.end) });
  }
  return found;
}
