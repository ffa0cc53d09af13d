/**
 * What every use case runs with: the database, the event bus, a clock, the audit sealer and the
 * answers kept for hot reads.
 * Built once by the server or a CLI command; tests build their own.
 */
import * as auditLog from '../store/audit.repository.ts';
import type { Database } from '../store/sql.ts';
import { hashPassword, verifyPassword } from './accounts/secrets.ts';
import type { PdfPrinter } from './daily-report/pdf-printer.ts';
import type { PdfTextReader } from './text-intake/pdf-text.ts';
import { type EventBus, LocalEventBus } from './events.ts';
import { ReadCache, type Touched } from './shared/read-cache.ts';

export interface AppContext {
  db: Database;
  events: EventBus;
  now(): number;
  /**
   * Called after every committed write, before its answer is sent: drops the kept reads it may
   * change (`touched`: what it changed; anything by default) and seals the audit trail soon
   * after, in the background.
   */
  wrote(touched?: Touched): void;
  /** Answers to hot reads, per group of readers (shared/read-cache.ts). */
  reads: ReadCache;
  /**
   * Whether this server sends email (an SMTP server is configured: docs/email.md). Emails are queued
   * whatever it says; the account page tells users whether they leave.
   */
  emailDelivery: boolean;
  /** Seals now and stops sealing in the background. */
  close(): Promise<void>;
  /**
   * Webhooks (app/webhooks, docs/webhooks.md): whether subscriptions may name loopback, private and
   * link-local addresses (`TRUCE_WEBHOOKS_ALLOW_PRIVATE=1`; tests, a receiver on the same host). Off by default.
   */
  webhooks: { allowPrivateTargets: boolean };
  /** Prints the daily report as a PDF (Chromium: adapters/chromium-pdf.ts); null: this server prints none (503). Closed with the context. */
  pdf: PdfPrinter | null;
  /** Reads a PDF's text layer for text intake (pdftotext: adapters/pdftotext.ts); null: PDFs are refused (503). */
  pdfText: PdfTextReader | null;
  /** Hashes a new password: argon2id (accounts/secrets.ts); tests hash each of their passwords once (test/server.ts). */
  hashPassword(password: string): Promise<string>;
  /** Checks a password against its stored hash (accounts/secrets.ts); a test watches which hashes a sign-in checks. */
  verifyPassword(stored: string, password: string): Promise<boolean>;
}

/** A seal that failed (the database away or full) is tried again after 1 s, then up to every 30 s. */
const SEAL_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function createContext(
  db: Database,
  options: {
    events?: EventBus;
    sealDelayMs?: number;
    sealRetryMs?: readonly number[];
    emailDelivery?: boolean;
    webhooks?: { allowPrivateTargets?: boolean };
    pdf?: PdfPrinter | null;
    pdfText?: PdfTextReader | null;
    hashPassword?: (password: string) => Promise<string>;
    verifyPassword?: (stored: string, password: string) => Promise<boolean>;
  } = {},
): AppContext {
  const retryMs = options.sealRetryMs ?? SEAL_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;
  let sealing: Promise<unknown> = Promise.resolve();
  let failures = 0;
  let closed = false;
  const seal = () => {
    timer = null;
    sealing = sealing
      // Each sealed batch is announced: the audit trail's open pages read it again (live-events.ts).
      .then(() =>
        auditLog.seal(db, undefined, ({ from, to }) =>
          events.publish({ type: 'audit.appended', entity: 'audit', id: `${from}-${to}`, at: Date.now() }),
        ),
      )
      .then(
        () => {
          if (failures > 0) console.warn(`audit sealing resumed after ${failures} failed attempt(s)`);
          failures = 0;
        },
        (e: unknown) => {
          // The entries wait, hashed, in the audit table: sealing them later loses nothing. Said
          // once, not at every retry.
          if (failures++ === 0)
            console.error('audit sealing failed; trying again until it succeeds:', e instanceof Error ? e.message : e);
          if (!closed) timer ??= setTimeout(seal, retryMs[Math.min(failures, retryMs.length) - 1]);
        },
      );
  };
  const events = options.events ?? new LocalEventBus();
  const reads = new ReadCache();
  // Events of other processes (and this one's, already dropped by `wrote`). A seal of the audit
  // trail follows a write already heard of, and changes no kept read.
  events.subscribe((e) => {
    if (e.type !== 'audit.appended' && !e.type.startsWith('hotline.'))
      reads.invalidate(e.type.startsWith('report.') ? 'reports' : 'world');
  });
  return {
    db,
    events,
    now: () => Date.now(),
    wrote: (touched) => {
      reads.invalidate(touched);
      timer ??= setTimeout(seal, options.sealDelayMs ?? 100);
    },
    reads,
    emailDelivery: options.emailDelivery ?? false,
    webhooks: { allowPrivateTargets: options.webhooks?.allowPrivateTargets ?? false },
    pdf: options.pdf ?? null,
    pdfText: options.pdfText ?? null,
    hashPassword: options.hashPassword ?? hashPassword,
    verifyPassword: options.verifyPassword ?? verifyPassword,
    close: async () => {
      closed = true;
      await options.pdf?.close();
      if (timer) clearTimeout(timer);
      seal();
      await sealing;
      if (timer) clearTimeout(timer);
    },
  };
}
