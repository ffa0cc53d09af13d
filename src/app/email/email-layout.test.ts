/** Dates as the web app writes them, and a message as text and as HTML with every value escaped. */
import { describe, expect, it } from 'vitest';
import { formatDateTime as webDateTime, intlTimeZone as webZone } from '../../../web/src/i18n/format.ts';
import {
  type EmailDraft,
  emailHtml,
  emailText,
  formatDateTime,
  formatDateTimeRange,
  intlTimeZone,
} from './email-layout.ts';

const draft: EmailDraft = {
  subject: 'Hotline, Urgent: <b>strike</b>',
  heading: 'ru opened a hotline thread to your organization & others.',
  facts: [
    ['From', 'Russian Federation'],
    ['Priority', 'Urgent'],
  ],
  quote: { label: 'Message', text: 'Strikes north.\n<script>alert(1)</script>' },
  note: 'Not a request for permission.',
  link: { label: 'Open the thread in Truce', url: 'https://truce.example.org/hotline?thread=a&b="c"' },
  footer: 'You asked for it.',
};

describe('email layout', () => {
  it.each([
    ['Asia/Damascus', Date.UTC(2016, 8, 19, 16, 15)],
    ['Asia/Damascus', Date.UTC(2016, 0, 3, 23, 59)],
    ['Z', Date.UTC(2016, 8, 19, 16, 15)],
    ['+03:00', Date.UTC(2016, 8, 19, 16, 15)],
    ['', Date.UTC(2016, 8, 19, 16, 15)],
  ])('writes an instant in timezone "%s" as the web app does, in both languages', (tz, t) => {
    expect(intlTimeZone(tz)).toBe(webZone(tz));
    expect(formatDateTime(t, 'en', tz)).toBe(webDateTime(t, 'en', tz));
    expect(formatDateTime(t, 'ar', tz)).toBe(webDateTime(t, 'ar', tz));
  });

  it('writes the Damascus time of an instant, and the time at an offset of hours and minutes', () => {
    expect(formatDateTime(Date.UTC(2016, 8, 19, 16, 15), 'en', 'Asia/Damascus')).toBe('19 Sept 2016, 19:15');
    expect(formatDateTime(Date.UTC(2016, 8, 19, 16, 15), 'en', '+05:30')).toBe('19 Sept 2016, 21:45');
    expect(formatDateTimeRange(Date.UTC(2016, 8, 19, 16, 15), Date.UTC(2016, 8, 19, 17, 0), 'en', '+05:30')).toBe(
      '19 Sept 2016, 21:45–22:30',
    );
  });

  it('writes plain text with its facts aligned, the message quoted and the link in full', () => {
    const text = emailText(draft);
    expect(text).toContain('From:     Russian Federation\nPriority: Urgent\n');
    expect(text).toContain('> Strikes north.\n> <script>alert(1)</script>');
    expect(text).toContain('Open the thread in Truce: https://truce.example.org/hotline?thread=a&b="c"');
    expect(text).toContain('\n-- \nYou asked for it.');
  });

  it('writes HTML with every value escaped, right to left in Arabic', () => {
    const html = emailHtml(draft, 'en');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Hotline, Urgent: &lt;b&gt;strike&lt;/b&gt;</title>');
    expect(html).toContain('your organization &amp; others.');
    expect(html).toContain('href="https://truce.example.org/hotline?thread=a&amp;b=&quot;c&quot;"');
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(emailHtml(draft, 'ar')).toContain('<html lang="ar" dir="rtl">');
  });
});
