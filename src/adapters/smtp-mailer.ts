/**
 * Emails out through an SMTP server (nodemailer), behind the use cases' Mailer port. The server is
 * named by a URL (TRUCE_SMTP_URL, docs/email.md):
 *
 * - `smtp://host[:port]` (port 25 by default): STARTTLS when the server offers it;
 * - `smtp://user:password@host:587?starttls=required`: refuse to send without STARTTLS;
 * - `smtps://host[:port]` (465 by default): TLS from the first byte;
 * - `?starttls=never`: plain SMTP even when STARTTLS is offered (a relay on the same host).
 *
 * An answer of the 5xx family to a message (a mailbox refused) is a refusal for good; anything else
 * (no connection, a timeout, 4xx, a failed sign-in, which the operator can mend) is tried again.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { MailError, type Mailer, type OutgoingEmail } from '../app/email/mailer.ts';

export type SmtpOptions = SMTPTransport.Options;

/** The transport's options from the URL, or a sentence saying what is wrong with it. */
export function parseSmtpUrl(text: string): SmtpOptions | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL such as smtp://mail.example.org:587`;
  }
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') return `must start smtp:// or smtps://, not ${url.protocol}//`;
  if (!url.hostname) return 'names no host';
  const starttls = url.searchParams.get('starttls') ?? 'auto';
  if (!['auto', 'required', 'never'].includes(starttls)) return `starttls must be required or never, not "${starttls}"`;
  if (secure && starttls !== 'auto') return 'starttls is for smtp://; smtps:// is TLS from the start';
  const unknown = [...url.searchParams.keys()].find((k) => k !== 'starttls');
  if (unknown !== undefined) return `unknown option "${unknown}" (only starttls)`;
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    requireTLS: starttls === 'required',
    ignoreTLS: starttls === 'never',
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  };
}

export function smtpMailer(options: SmtpOptions, from: string): Mailer {
  const transport = nodemailer.createTransport(options);
  return {
    async send(email: OutgoingEmail): Promise<void> {
      try {
        await transport.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          headers: { 'Content-Language': email.language },
        });
      } catch (e) {
        const err = e as { message?: string; responseCode?: number; code?: string };
        const permanent =
          typeof err.responseCode === 'number' &&
          err.responseCode >= 500 &&
          err.responseCode < 600 &&
          err.code !== 'EAUTH';
        throw new MailError(err.message ?? String(e), permanent);
      }
    },
    async close(): Promise<void> {
      transport.close();
    },
  };
}
