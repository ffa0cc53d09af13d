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
      coh: { counted: false, threshold: '2', days: '7' },
      'coh-sept': { counted: true, threshold: '2', days: '7' },
    });
    expect(bodyOf(draft)).toEqual({
      timezone: '+03:00',
      host_state: 'sy-gov',
      calm: [{ agreement: 'coh-sept', threshold_per_day: 2, days_required: 7 }],
    });
    const counted = {
      ...draft,
      hostState: '',
      calm: { ...draft.calm, coh: { counted: true, threshold: ' 0', days: '3' } },
    };
    expect(bodyOf(counted)).toMatchObject({
      host_state: null,
      calm: [{ agreement: 'coh', threshold_per_day: 0, days_required: 3 }, { agreement: 'coh-sept' }],
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
        coh: { counted: false, threshold: 'x', days: '0' }, // not counted: not read
        'coh-sept': { counted: true, threshold: '-1', days: '0' },
      },
    };
    expect([...problemsOf(bad, zones, stored.timezone).keys()]).toEqual(['coh-sept:threshold', 'coh-sept:days']);
    expect(
      problemsOf({ ...bad, calm: { 'coh-sept': { counted: true, threshold: '1.5', days: '2' } } }, zones, '').get(
        'coh-sept:threshold',
      ),
    ).toEqual({ key: 'settings.invalid.number', values: { min: 0 } });
  });
});
