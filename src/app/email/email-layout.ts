/**
 * How an email looks: dates as the web app writes them (the truce's timezone, the reader's language:
 * web/src/i18n/format.ts; email-layout.test.ts compares the two), and a message as plain text and as
 * simple HTML (right to left in Arabic), every value escaped.
 */
import type { Language } from '../../contract/email.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', ar: 'ar-SY' };
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** A timezone Intl understands for the world's setting (an IANA name, a fixed offset, Z), as the web app reads it. */
export function intlTimeZone(setting: string | null | undefined): string {
  if (!setting) return 'Asia/Damascus';
  if (setting === 'Z' || setting === 'UTC' || setting === '+00:00' || setting === '-00:00') return 'UTC';
  const m = OFFSET.exec(setting);
  if (m) {
    const [, sign, hh, mm] = m;
    if (mm === '00' && Number(hh) <= 14)
      return Number(hh) === 0 ? 'UTC' : `Etc/GMT${sign === '+' ? '-' : '+'}${Number(hh)}`;
    return `${sign}${hh}:${mm}`;
  }
  return setting;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * A formatter for the timezone, and how far to move an instant first: an offset that is not whole hours
 * (+05:30) is a timezone to browsers but not to Node 20's Intl, which is then given the wall-clock time
 * as UTC.
 */
function zoned(lang: Language, timezone: string): { f: Intl.DateTimeFormat; shiftMs: number } {
  const tz = intlTimeZone(timezone);
  const m = OFFSET.exec(tz);
  if (m) {
    try {
      return { f: new Intl.DateTimeFormat(LOCALES[lang], { ...DATE_TIME, timeZone: tz }), shiftMs: 0 };
    } catch {
      const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
      return {
        f: new Intl.DateTimeFormat(LOCALES[lang], { ...DATE_TIME, timeZone: 'UTC' }),
        shiftMs: minutes * 60_000,
      };
    }
  }
  return { f: new Intl.DateTimeFormat(LOCALES[lang], { ...DATE_TIME, timeZone: tz }), shiftMs: 0 };
}

/** "19 Sept 2016, 19:15" in the timezone, in the language. */
export function formatDateTime(t: number, lang: Language, timezone: string): string {
  const { f, shiftMs } = zoned(lang, timezone);
  return f.format(t + shiftMs);
}

/** Two instants, the shared date written once. */
export function formatDateTimeRange(from: number, to: number, lang: Language, timezone: string): string {
  const { f, shiftMs } = zoned(lang, timezone);
  return f.formatRange(Math.min(from, to) + shiftMs, Math.max(from, to) + shiftMs);
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/** What an email says, before it is written out. */
export interface EmailDraft {
  subject: string;
  /** The first paragraph: what happened. */
  heading: string;
  /** Labelled facts, in order. */
  facts: [label: string, value: string][];
  /** A message quoted as it was written (a hotline thread's first message). */
  quote?: { label: string; text: string } | undefined;
  /** A closing paragraph (that a notification is not a request for permission). */
  note?: string | undefined;
  /** The record in the web app. */
  link: { label: string; url: string };
  /** Why the reader receives it and how to stop it. */
  footer: string;
}

export function emailText(d: EmailDraft): string {
  const width = Math.max(...d.facts.map(([label]) => label.length), 0);
  const lines = [d.heading, ''];
  for (const [label, value] of d.facts) lines.push(`${`${label}:`.padEnd(width + 2)}${value}`);
  if (d.quote) lines.push('', `${d.quote.label}:`, ...d.quote.text.split('\n').map((l) => `> ${l}`));
  if (d.note) lines.push('', d.note);
  lines.push('', `${d.link.label}: ${d.link.url}`, '', '-- ', d.footer, '');
  return lines.join('\n');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function emailHtml(d: EmailDraft, lang: Language): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const align = lang === 'ar' ? 'right' : 'left';
  const cell = `padding:4px 12px 4px 0;vertical-align:top;text-align:${align}`;
  const rows = d.facts
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="${cell};color:#555;font-weight:600">${escapeHtml(label)}</th>` +
        `<td style="${cell}" dir="auto">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const quote = d.quote
    ? `<p style="margin:16px 0 4px;color:#555">${escapeHtml(d.quote.label)}</p>\n` +
      `<blockquote dir="auto" style="margin:0;padding:8px 12px;border-inline-start:3px solid #999;white-space:pre-wrap">${escapeHtml(d.quote.text)}</blockquote>`
    : '';
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${dir}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(d.subject)}</title></head>`,
    `<body style="font-family:system-ui,'Noto Sans Arabic',Arial,sans-serif;font-size:15px;line-height:1.5;color:#111;text-align:${align}">`,
    `<p>${escapeHtml(d.heading)}</p>`,
    `<table role="presentation" style="border-collapse:collapse">\n${rows}\n</table>`,
    quote,
    d.note ? `<p style="margin-top:16px">${escapeHtml(d.note)}</p>` : '',
    `<p style="margin-top:16px"><a href="${escapeHtml(d.link.url)}">${escapeHtml(d.link.label)}</a></p>`,
    `<hr style="border:0;border-top:1px solid #ccc"><p style="font-size:13px;color:#555">${escapeHtml(d.footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
