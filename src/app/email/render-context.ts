/**
 * What a renderer of an email is given (email-kinds.ts): the message, the recipient's reading of the
 * database, and how to write for the recipient.
 */
import type { Language } from '../../contract/email.ts';
import type { ClaimedEmail } from '../../store/email.repository.ts';
import type { Sql } from '../../store/sql.ts';
import type { EmailDraft } from './email-layout.ts';
import type { WordKey, Words } from './email-words.ts';

/** What a renderer is given: the message, the recipient's reading of the database and how to write for them. */
export interface RenderContext {
  /** Reads as the recipient. */
  sql: Sql;
  message: ClaimedEmail;
  lang: Language;
  say(key: WordKey, values?: Record<string, string | number>): string;
  words: Words;
  /** An organization's name in the recipient's language. */
  orgName(id: string): string;
  /** Names joined in the language ("A, B" / "A، B"), or "none". */
  list(names: readonly string[]): string;
  /** An instant, in the truce's timezone and the recipient's language. */
  when(t: number): string;
  whenRange(from: number, to: number): string;
  /** The calendar day (YYYY-MM-DD) an instant falls on in the truce's timezone. */
  day(t: number): string;
  /** A point for people: the nearest place and its governorate, then the coordinates. */
  place(lon: number, lat: number): string;
  number(n: number): string;
  /** The web app's address of a path (`/hotline?thread=…`). */
  url(path: string): string;
  /** The time it is written (ms). */
  now: number;
}

/**
 * A message written whole by its kind (the daily report): its own HTML and text, in its own language,
 * given the footer (why it came, where to stop it) to close with.
 */
export interface RenderedDocument {
  subject: string;
  language: Language;
  document(footer: string): { html: string; text: string };
}

export type Rendered = Omit<EmailDraft, 'footer'> | RenderedDocument | 'hidden' | 'moot';

export type Renderer = (r: RenderContext) => Promise<Rendered>;
