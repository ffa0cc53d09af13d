/**
 * The port through which emails leave: the use cases write a message; an adapter hands it to an SMTP
 * server (src/adapters/smtp-mailer.ts). A failure says whether trying again may help: a refusal for
 * good (a 5xx answer: no such mailbox, a message refused) is not tried again; anything else (the
 * server away, a timeout, a 4xx answer) is.
 */
import type { Language } from '../../contract/email.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: Language;
  /** The same for every attempt at one message, so that a receiver can tell a repeat. */
  messageId: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

export class MailError extends Error {
  constructor(
    message: string,
    /** Refused for good: trying again will not help. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
