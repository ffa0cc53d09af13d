/** `truce serve`'s email configuration: none without an SMTP server; a bad URL, a missing sender or a bad public address refused. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emailConfig } from './serve.command.ts';
import { UsageError } from './io.ts';

describe('the email configuration of truce serve', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is off without an SMTP server', () => {
    vi.stubEnv('TRUCE_SMTP_URL', '');
    expect(emailConfig({})).toBeNull();
  });

  it('reads the flags, or else the environment', () => {
    vi.stubEnv('TRUCE_SMTP_URL', 'smtp://relay.example.org:587');
    vi.stubEnv('TRUCE_SMTP_FROM', 'Truce <truce@example.org>');
    vi.stubEnv('TRUCE_PUBLIC_URL', 'https://truce.example.org/app');
    expect(emailConfig({})).toMatchObject({
      smtp: { host: 'relay.example.org', port: 587 },
      from: 'Truce <truce@example.org>',
      publicUrl: 'https://truce.example.org/app/',
    });
    expect(emailConfig({ smtpUrl: 'smtps://other.example.org', smtpFrom: 'x@example.org' })).toMatchObject({
      smtp: { host: 'other.example.org', secure: true },
      from: 'x@example.org',
    });
  });

  it.each([
    [{ smtpUrl: 'smtp://relay.example.org' }, /--smtp-from/],
    [{ smtpUrl: 'smtp://relay.example.org', smtpFrom: 'nobody' }, /--smtp-from/],
    [{ smtpUrl: 'imap://relay.example.org', smtpFrom: 'a@example.org' }, /--smtp-url .*smtp:\/\//],
    [
      { smtpUrl: 'smtp://relay.example.org', smtpFrom: 'a@example.org', publicUrl: 'truce.example.org' },
      /--public-url/,
    ],
  ])('refuses %o, naming the option', (options, message) => {
    vi.stubEnv('TRUCE_SMTP_URL', '');
    vi.stubEnv('TRUCE_SMTP_FROM', '');
    vi.stubEnv('TRUCE_PUBLIC_URL', '');
    expect(() => emailConfig(options)).toThrow(UsageError);
    expect(() => emailConfig(options)).toThrow(message);
  });
});
