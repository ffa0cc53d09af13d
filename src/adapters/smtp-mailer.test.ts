/** The SMTP server's URL (TRUCE_SMTP_URL) read into the transport's options, and what is wrong with a bad one. */
import { describe, expect, it } from 'vitest';
import { parseSmtpUrl } from './smtp-mailer.ts';

describe('the SMTP URL', () => {
  it.each([
    [
      'smtp://mail.example.org',
      { host: 'mail.example.org', port: 25, secure: false, requireTLS: false, ignoreTLS: false },
    ],
    ['smtp://127.0.0.1:2525', { host: '127.0.0.1', port: 2525, secure: false }],
    ['smtps://mail.example.org', { host: 'mail.example.org', port: 465, secure: true }],
    ['smtp://relay:587?starttls=required', { port: 587, requireTLS: true, ignoreTLS: false }],
    ['smtp://localhost?starttls=never', { host: 'localhost', requireTLS: false, ignoreTLS: true }],
    ['smtp://[::1]:25', { host: '::1', port: 25 }],
    [
      'smtp://truce%40example.org:p%40ss%3Aword@mail.example.org:587',
      { auth: { user: 'truce@example.org', pass: 'p@ss:word' } },
    ],
  ])('reads %s', (url, expected) => {
    expect(parseSmtpUrl(url)).toMatchObject(expected);
  });

  it('asks no sign-in when the URL names no user', () => {
    expect(parseSmtpUrl('smtp://mail.example.org')).not.toHaveProperty('auth');
  });

  it.each([
    ['mail.example.org', /not a URL/],
    ['http://mail.example.org', /smtp:\/\/ or smtps:\/\//],
    ['smtp://mail.example.org?starttls=maybe', /starttls must be required or never/],
    ['smtps://mail.example.org?starttls=required', /TLS from the start/],
    ['smtp://mail.example.org?pool=true', /unknown option "pool"/],
  ])('refuses %s, saying why', (url, why) => {
    expect(parseSmtpUrl(url)).toMatch(why);
  });
});
