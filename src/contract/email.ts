/**
 * Email, for those who ask (docs/email.md): the kinds of email a user may ask for, one list for the
 * server (which writes and sends them), the API (which refuses any other) and the account page (which
 * offers them). A kind is added here, with its renderer in `src/app/email/email-kinds.ts` and a call
 * to `emailWithin` in the use case that causes it; the account page then offers it (its words in
 * `web/src/i18n/names-*.ts`, typed by this list).
 */
export const EMAIL_KINDS = [
  /** A humanitarian notification addressed to the user's organization (made or renewed). */
  'notification.received',
  /** A notification's deadline to acknowledge passed with a recipient silent: to its owner and to the silent recipients. */
  'notification.overdue',
  /** A hotline thread opened to the user's organization. */
  'hotline.addressed',
  /** A hotline thread escalated to the secretariat: to the secretariat and the thread's parties. */
  'hotline.escalated',
  /** The daily report, sent by the user's organization on its schedule (docs/daily-report.md) to the recipients it names. */
  'report.daily',
  /** An operation notice of the user's organization found in conflict with a site, movement or position. */
  'notice.conflict',
  /** An operation is planned near a site, movement or position of the user's organization (nothing of the operation). */
  'deconfliction.alert',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const isEmailKind = (kind: string): kind is EmailKind => (EMAIL_KINDS as readonly string[]).includes(kind);

/** The languages Truce writes to people in. */
export const LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A message not sent this long after it was due is given up (the SMTP server away for days, or email
 * turned off while it waited): news that old is no longer news, and a flood on return helps nobody.
 */
export const EMAIL_GIVE_UP_HOURS = 72;

/** The waits before each retry after a failed attempt, the last repeated until the message is given up. */
export const EMAIL_RETRY_SECONDS = [30, 60, 120, 300, 600, 1_800, 3_600] as const;

/** How often a server looks for messages due (and at once after a write that may have queued some). */
export const EMAIL_SWEEP_SECONDS = 30;
