import { describe, expect, it } from 'vitest';
import { ar } from '../../i18n/ar.ts';
import { en, type MessageKey } from '../../i18n/en.ts';
import { formatCalendarDate, formatNumber, interpolate, type Lang } from '../../i18n/format.ts';
import { bodyOf, draftOf, problemsOf } from './settings-form.ts';
import { type Changes, changeSentences, type ChangeWords } from './settings-words.ts';

const words = (lang: Lang): ChangeWords => ({
  t: (key: MessageKey, values?: Record<string, string | number>) => interpolate((lang === 'ar' ? ar : en)[key], values),
  agreementTitle: (id) => ({ 'coh-sept': 'Renewed cessation', coh: 'Cessation of Hostilities' })[id] ?? id,
  actorName: (id) => ({ 'sy-gov': 'Syrian Arab Army', ru: 'Russian Armed Forces' })[id] ?? id,
  zoneName: (tz) => tz,
  day: (d) => formatCalendarDate(d, lang),
  number: (n) => formatNumber(n, lang),
  isolate: (s) => (lang === 'ar' ? `\u2068${s}\u2069` : s),
});

const figures = (threshold: number, days: number, run: number | null, reached: string | null) => ({
  threshold_per_day: threshold,
  days_required: days,
  period: run === null ? null : { from: '2016-09-12', to: '2016-09-20' },
  longest_run: run,
  reduced_violence_on: reached,
});

describe('a change of the settings in words', () => {
  it('says how the days of calm move, by the agreement’s title', () => {
    const changes: Changes = {
      timezone: null,
      host_state: null,
      calm: [{ agreement: 'coh-sept', before: figures(2, 7, 6, null), after: figures(0, 2, 2, '2016-09-18') }],
    };
    expect(changeSentences(changes, words('en'))).toEqual([
      'A day of Renewed cessation is calm with at most 0 violations (now 2).',
      'Renewed cessation needs 2 calm days in a row (now 7).',
      'The days of calm for Renewed cessation become 2 (now 6).',
      'Reduced violence under Renewed cessation is reached on 18 Sept 2016 (now not reached).',
    ]);
    const arabic = changeSentences(changes, words('ar'));
    expect(arabic).toHaveLength(4);
    expect(arabic[2]).toBe('تصبح أيام الهدوء لاتفاق «\u2068Renewed cessation\u2069» ٢ (حاليًا ٦).');
  });

  it('says the days counted as they move: dates, or the days the state page shows', () => {
    const over = (period: { from: string; to: string } | null) => ({ ...figures(2, 7, 4, null), period });
    const changes: Changes = {
      timezone: null,
      host_state: null,
      calm: [
        { agreement: 'coh', before: over(null), after: over({ from: '2016-02-27', to: '2016-03-26' }) },
        { agreement: 'coh-sept', before: over({ from: '2016-09-12', to: '2016-09-20' }), after: over(null) },
        { agreement: 'x', before: null, after: over({ from: '2016-09-12', to: '2016-09-19' }) },
      ],
    };
    expect(changeSentences(changes, words('en'))).toEqual([
      'The days of calm of Cessation of Hostilities will be counted from 27 Feb 2016 to 26 Mar 2016 (now over the days the state page shows).',
      'The days of calm of Renewed cessation will be counted over the days the state page shows (now from 12 Sept 2016 to 20 Sept 2016).',
      'Days of calm will be counted for x: at most 2 violations a day, 7 calm days in a row required.',
      'They will be counted from 12 Sept 2016 to 19 Sept 2016.',
    ]);
    expect(changeSentences(changes, words('ar'))[0]).toBe(
      'ستُحسب أيام الهدوء لاتفاق «\u2068Cessation of Hostilities\u2069» من ٢٧ شباط ٢٠١٦ إلى ٢٦ آذار ٢٠١٦ (حاليًا على الأيام التي تعرضها صفحة حالة الهدنة).',
    );
  });

  it('says what is counted anew or no more, the timezone, the host state; and when nothing changes', () => {
    const w = words('en');
    expect(
      changeSentences(
        {
          timezone: { before: 'Asia/Damascus', after: 'UTC' },
          host_state: { before: 'sy-gov', after: null },
          calm: [
            { agreement: 'coh', before: null, after: figures(3, 5, null, null) },
            { agreement: 'coh-sept', before: figures(2, 7, 6, null), after: null },
            // Only the days moved (a new timezone): nothing to say of this one.
            { agreement: 'x', before: figures(2, 7, 4, null), after: figures(2, 7, 4, null) },
          ],
        },
        w,
      ),
    ).toEqual([
      'Days and times will be counted in UTC (now Asia/Damascus).',
      'The host state becomes None (now Syrian Arab Army).',
      'Days of calm will be counted for Cessation of Hostilities: at most 3 violations a day, 5 calm days in a row required.',
      'Days of calm will no longer be counted for Renewed cessation.',
    ]);
    expect(changeSentences({ timezone: null, host_state: null, calm: [] }, w)).toEqual(['Nothing changes.']);
  });
});

describe('the settings form', () => {
  const stored = {
    name: 'Syria 2016',
    timezone: '+03:00',
    host_state: 'sy-gov',
    calm: [
      {
        agreement: 'coh-sept',
        threshold_per_day: 2,
        days_required: 7,
        period: { from: '2016-09-12', to: '2016-09-20' },
        default: true,
      },
    ],
  };
  const zones = new Set(['Asia/Damascus', 'UTC']);

  it('holds every agreement the user sees, counted or not, and asks for what it holds', () => {
    const draft = draftOf(stored, ['coh', 'coh-sept']);
    expect(draft.calm).toEqual({
      coh: { counted: false, threshold: '2', days: '7', from: '', to: '' },
      'coh-sept': { counted: true, threshold: '2', days: '7', from: '2016-09-12', to: '2016-09-20' },
    });
    expect(bodyOf(draft)).toEqual({
      timezone: '+03:00',
      host_state: 'sy-gov',
      calm: [
        {
          agreement: 'coh-sept',
          threshold_per_day: 2,
          days_required: 7,
          period: { from: '2016-09-12', to: '2016-09-20' },
        },
      ],
    });
    // Counted anew over the days the state page shows; the other one's days cleared.
    const counted = {
      ...draft,
      hostState: '',
      calm: {
        coh: { counted: true, threshold: ' 0', days: '3', from: '', to: '' },
        'coh-sept': { ...draft.calm['coh-sept']!, from: '', to: '' },
      },
    };
    expect(bodyOf(counted)).toMatchObject({
      host_state: null,
      calm: [
        { agreement: 'coh', threshold_per_day: 0, days_required: 3, period: null },
        { agreement: 'coh-sept', period: null },
      ],
    });
  });

  it('says what is wrong by field: a timezone not in the list (but the stored one), numbers that are not whole', () => {
    const draft = draftOf(stored, ['coh', 'coh-sept']);
    expect(problemsOf(draft, zones, stored.timezone).size).toBe(0);
    expect([...problemsOf({ ...draft, timezone: 'Mars/Olympus' }, zones, stored.timezone).keys()]).toEqual([
      'timezone',
    ]);
    const bad = {
      ...draft,
      calm: {
        coh: { counted: false, threshold: 'x', days: '0', from: '2016-02-01', to: '' }, // not counted: not read
        'coh-sept': { counted: true, threshold: '-1', days: '0', from: '', to: '' },
      },
    };
    expect([...problemsOf(bad, zones, stored.timezone).keys()]).toEqual(['coh-sept:threshold', 'coh-sept:days']);
    expect(
      problemsOf(
        { ...bad, calm: { 'coh-sept': { counted: true, threshold: '1.5', days: '2', from: '', to: '' } } },
        zones,
        '',
      ).get('coh-sept:threshold'),
    ).toEqual({ key: 'settings.invalid.number', values: { min: 0 } });
  });

  it('says what is wrong with the days counted, naming the field: one day without the other, or the last before the first', () => {
    const draft = draftOf(stored, ['coh-sept']);
    const days = (from: string, to: string) => ({
      ...draft,
      calm: { 'coh-sept': { ...draft.calm['coh-sept']!, from, to } },
    });
    expect(problemsOf(days('2016-09-12', '2016-09-12'), zones, stored.timezone).size).toBe(0);
    expect([...problemsOf(days('2016-09-12', ''), zones, stored.timezone)]).toEqual([
      ['coh-sept:to', { key: 'settings.invalid.periodMissing', fields: { field: 'settings.period.to' } }],
    ]);
    expect([...problemsOf(days('', '2016-09-20'), zones, stored.timezone)]).toEqual([
      ['coh-sept:from', { key: 'settings.invalid.periodMissing', fields: { field: 'settings.period.from' } }],
    ]);
    expect([...problemsOf(days('2016-09-20', '2016-09-12'), zones, stored.timezone)]).toEqual([
      [
        'coh-sept:to',
        {
          key: 'settings.invalid.periodOrder',
          fields: { field: 'settings.period.to', other: 'settings.period.from' },
        },
      ],
    ]);
    // In words, naming the field as the page does.
    const said = (lang: Lang) => {
      const w = words(lang);
      return w.t('settings.invalid.periodOrder', {
        field: w.t('settings.period.to'),
        other: w.t('settings.period.from'),
      });
    };
    expect(said('en')).toBe('“Counted until” must not be before “Counted from”.');
    expect(said('ar')).toBe('يجب ألّا يكون «تُحسب حتى» قبل «تُحسب من».');
  });
});
