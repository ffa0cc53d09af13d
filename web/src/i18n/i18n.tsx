/**
 * The language and timezone of the app. Arabic turns the whole page right-to-left (`dir` on the
 * html element); dates are shown in the truce's timezone whatever the browser's.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ar } from './ar.ts';
import { type MessageKey, type Messages, en } from './en.ts';
import {
  DEFAULT_TIMEZONE,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatNumber,
  interpolate,
  type Lang,
} from './format.ts';
import { type Names, type Namer, namer } from './names.ts';
import { namesAr } from './names-ar.ts';
import { namesEn } from './names-en.ts';
import { describeTimeZone, type IncidentTime, incidentWhen, reportWhen } from './when.ts';

const CATALOGUES: Record<Lang, Messages> = { en, ar };
const NAMES: Record<Lang, Names> = { en: namesEn, ar: namesAr };
const STORAGE_KEY = 'truce.lang';

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  setLang(lang: Lang): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The names of enumeration values (`nameOf.acts(i.act)`): typed maps, so none lacks its Arabic. */
  nameOf: Namer;
  timezone: string;
  /** The timezone as the page states it, with its offsets in the truce's year. */
  timezoneLabel: string;
  /** The world's timezone, and the year whose offsets the label gives (the truce's). */
  setTimezone(tz: string, year?: number): void;
  dateTime(t: string | number): string;
  /** An incident's time: a clock time only when it is known (never for UCDP's day-precise events). */
  incidentWhen(i: IncidentTime): string;
  /** A report's claimed time with its margin. */
  reportWhen(claimedAt: string, precisionS: number): string;
  date(t: string | number): string;
  day(date: string, style?: 'long' | 'short'): string;
  number(n: number): string;
  /** A list's count: the number, or "more than" it when the count stopped there (GET …/count). */
  count(c: { count: number; more: boolean }): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'ar' || stored === 'en') return stored;
  return globalThis.navigator?.language?.startsWith('ar') ? 'ar' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [zone, setZone] = useState({ tz: DEFAULT_TIMEZONE, year: new Date().getFullYear() });
  const timezone = zone.tz;
  const setTimezone = useCallback((tz: string, year?: number) => setZone((z) => ({ tz, year: year ?? z.year })), []);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir]);

  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[lang];
    const t: I18n['t'] = (key, values) => interpolate(messages[key], values);
    return {
      lang,
      dir,
      setLang,
      timezone,
      setTimezone,
      timezoneLabel: describeTimeZone(timezone, lang, zone.year, t),
      t,
      nameOf: namer(NAMES[lang], messages['common.unknown']),
      dateTime: (t) => formatDateTime(t, lang, timezone),
      date: (t) => formatDate(t, lang, timezone),
      incidentWhen: (i) => incidentWhen(i, lang, timezone),
      reportWhen: (at, s) => reportWhen(at, s, lang, timezone, t),
      day: (d, style) => formatCalendarDate(d, lang, style),
      number: (n) => formatNumber(n, lang),
      count: (c) =>
        c.more ? t('common.moreThan', { count: formatNumber(c.count, lang) }) : formatNumber(c.count, lang),
    };
  }, [lang, dir, setLang, timezone, zone.year, setTimezone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
