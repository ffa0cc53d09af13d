/**
 * The language and timezone of the app. Arabic turns the whole page right-to-left (`dir` on the
 * html element); dates are shown in the truce's timezone whatever the browser's.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ar } from './ar.ts';
import { type MessageKey, type Messages, en } from './en.ts';
import {
  DEFAULT_TIMEZONE, formatCalendarDate, formatDate, formatDateTime, formatNumber, interpolate, type Lang, timeZoneLabel,
} from './format.ts';

const CATALOGUES: Record<Lang, Messages> = { en, ar };
const STORAGE_KEY = 'truce.lang';

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  setLang(lang: Lang): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A message key built from data (a verdict, an act): the raw value when there is no message. */
  tx(prefix: string, value: string | null | undefined): string;
  timezone: string;
  timezoneLabel: string;
  setTimezone(tz: string): void;
  dateTime(t: string | number): string;
  date(t: string | number): string;
  day(date: string, style?: 'long' | 'short'): string;
  number(n: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'ar' || stored === 'en') return stored;
  return globalThis.navigator?.language?.startsWith('ar') ? 'ar' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [timezone, setTimezone] = useState(DEFAULT_TIMEZONE);
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
    return {
      lang, dir, setLang, timezone, setTimezone, timezoneLabel: timeZoneLabel(timezone),
      t: (key, values) => interpolate(messages[key], values),
      tx: (prefix, v) => (v === null || v === undefined ? messages['common.unknown'] : (messages as Record<string, string>)[`${prefix}.${v}`] ?? v),
      dateTime: (t) => formatDateTime(t, lang, timezone),
      date: (t) => formatDate(t, lang, timezone),
      day: (d, style) => formatCalendarDate(d, lang, style),
      number: (n) => formatNumber(n, lang),
    };
  }, [lang, dir, setLang, timezone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
