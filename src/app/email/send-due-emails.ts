/**
 * Sends the emails due (docs/email.md). Each message of the outbox was queued in the transaction of
 * the change that caused it (`emailWithin`), so a change committed has its emails, kept through a
 * restart and while the SMTP server is away. A sender claims a few due messages at a time (the
 * database's `for update skip locked` and a lease: with several servers on one PostgreSQL, each
 * message is taken by one), writes each out by reading its record again AS ITS RECIPIENT (row-level
 * security: a hidden record sends nothing, and a message says only what its recipient may see), hands
 * it to the SMTP server and marks it sent. A failure is tried again later (EMAIL_RETRY_SECONDS, by the
 * database's clock) until EMAIL_GIVE_UP_HOURS; a refusal for good (5xx) is not.
 *
 * Sent once: a message is marked sent as soon as the SMTP server has taken it. Only a sender that dies
 * between the server's acceptance and that mark (a few milliseconds) leaves it to be sent again when
 * its lease ends; the repeat carries the same Message-ID.
 */
import { EMAIL_RETRY_SECONDS, EMAIL_SWEEP_SECONDS, isEmailKind } from '../../contract/email.ts';
import type { OrgKind } from '../../contract/access.ts';
import * as accounts from '../../store/account.repository.ts';
import * as email from '../../store/email.repository.ts';
import { ANONYMOUS, asReader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import { worldDayZone } from '../../domain/time.ts';
import { whereIs } from '../map/where.ts';
import { clearanceOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { EMAIL_RENDERERS } from './email-kinds.ts';
import { emailHtml, emailText, formatDateTime, formatDateTimeRange, formatNumber } from './email-layout.ts';
import { kindWord, say, WORDS } from './email-words.ts';
import { MailError, type Mailer } from './mailer.ts';
import type { RenderContext, Rendered } from './render-context.ts';

export interface EmailSender {
  mailer: Mailer;
  /** The web app's address, for the links in emails (`https://truce.example.org/`). */
  publicUrl: string;
  /** Messages claimed at a time (20). */
  batch?: number;
  /** How long a claim keeps others off (600 s): longer than a batch takes. */
  leaseSeconds?: number;
}

export interface SendResult {
  sent: number;
  /** Failed and to be tried again. */
  failed: number;
  dropped: number;
}

/** Sends what is due now, batch after batch, until none is left or the SMTP server fails. */
export async function sendDueEmails(ctx: AppContext, sender: EmailSender): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, dropped: 0 };
  const batch = sender.batch ?? 20;
  for (;;) {
    const claimed = await ctx.db.transaction((tx) =>
      email.claimDue(tx, { limit: batch, leaseSeconds: sender.leaseSeconds ?? 600 }),
    );
    for (const [i, m] of claimed.entries()) {
      const outcome = await deliver(ctx, sender, m);
      result[outcome]++;
      if (outcome === 'failed') {
        // The server is away or struggling: the rest of the batch waits as long as this one, not counted as tried.
        const rest = claimed.slice(i + 1).map((x) => x.id);
        if (rest.length > 0) await email.release(ctx.db, rest, retrySeconds(m.attempt));
        return result;
      }
    }
    if (claimed.length < batch) return result;
  }
}

const retrySeconds = (attempt: number) => EMAIL_RETRY_SECONDS[Math.min(attempt, EMAIL_RETRY_SECONDS.length) - 1]!;

async function deliver(
  ctx: AppContext,
  sender: EmailSender,
  m: email.ClaimedEmail,
): Promise<'sent' | 'failed' | 'dropped'> {
  try {
    if (m.expired) return await dropped(ctx, m.id, 'expired');
    if (m.disabled || !m.asked || !m.email) return await dropped(ctx, m.id, 'opted_out');
    if (!isEmailKind(m.kind)) {
      // Queued by a newer server: left for it.
      await email.markFailed(ctx.db, m.id, `no renderer for "${m.kind}" in this server`, retrySeconds(m.attempt));
      return 'failed';
    }
    const kind = m.kind;
    const recipient = {
      userId: m.userId,
      orgId: m.orgId,
      clearance: clearanceOf({ kind: m.orgKind as OrgKind, task_force: m.orgTaskForce }),
    };
    // A message of a public edition (the daily report's) is written as anyone may read it, whoever receives it.
    const reader = m.detail['edition'] === 'public' ? ANONYMOUS : recipient;
    const rendered = await asReader(ctx.db, reader, async (sql): Promise<Rendered> => {
      const orgs = new Map((await accounts.listOrgs(sql)).map((o) => [o.id, o]));
      const timezone = (await settings.get(sql)).timezone;
      const lang = m.language;
      const words = WORDS[lang];
      const r: RenderContext = {
        sql,
        message: m,
        lang,
        words,
        say: (key, values) => say(words, key, values),
        orgName: (id) => {
          const o = orgs.get(id);
          return (lang === 'ar' ? o?.name_ar : null) || o?.name || id;
        },
        list: (names) => (names.length === 0 ? words.none : names.join(words.separator)),
        when: (t) => formatDateTime(t, lang, timezone),
        whenRange: (from, to) => formatDateTimeRange(from, to, lang, timezone),
        day: (t) => worldDayZone(timezone).localDate(t),
        place: (lon, lat) => placeName(lon, lat, r),
        number: (n) => formatNumber(n, lang),
        url: (path) => new URL(path.replace(/^\//, ''), sender.publicUrl).href,
        now: ctx.now(),
      };
      return EMAIL_RENDERERS[kind](r);
    });
    if (rendered === 'hidden' || rendered === 'moot') return await dropped(ctx, m.id, rendered);
    const language = 'document' in rendered ? rendered.language : m.language;
    const words = WORDS[language];
    const footer = say(words, 'footer', {
      kind: words[kindWord(kind)],
      url: new URL('account', sender.publicUrl).href,
    });
    const written =
      'document' in rendered
        ? { subject: rendered.subject, ...rendered.document(footer) }
        : {
            subject: rendered.subject,
            text: emailText({ ...rendered, footer }),
            html: emailHtml({ ...rendered, footer }, language),
          };
    const messageId = `<truce-email-${m.id}@${new URL(sender.publicUrl).hostname || 'truce'}>`;
    try {
      await sender.mailer.send({ to: m.email, ...written, language, messageId });
    } catch (e) {
      if (e instanceof MailError && e.permanent) return await dropped(ctx, m.id, 'refused', e.message);
      throw e;
    }
    await email.markSent(ctx.db, m.id, messageId);
    return 'sent';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // When even this fails (the database away), the lease ends and the message is claimed again.
    await email.markFailed(ctx.db, m.id, message, retrySeconds(m.attempt)).catch(() => undefined);
    return 'failed';
  }
}

async function dropped(ctx: AppContext, id: number, reason: email.DropReason, error?: string): Promise<'dropped'> {
  await email.drop(ctx.db, id, reason, error ?? null);
  return 'dropped';
}

/** "Urum al Kubra, Aleppo (latitude 36.1500, longitude 36.9500)": the nearest place and its governorate, then where exactly. */
function placeName(lon: number, lat: number, r: RenderContext): string {
  const w = whereIs(lon, lat);
  const ar = r.lang === 'ar';
  const place = w.place ? (ar && w.place.nameAr) || w.place.nameEn : null;
  const area = w.governorate ? (ar ? w.governorate.nameAr : w.governorate.nameEn) : null;
  const named = place && area ? r.say('place', { place, area }) : (place ?? area);
  const coordinates = r.say('coordinates', { lat: lat.toFixed(4), lon: lon.toFixed(4) });
  return named ? `${named} (${coordinates})` : coordinates;
}

/**
 * Sends now, then every EMAIL_SWEEP_SECONDS, and soon after any event that may have queued a message
 * (this server's or, on PostgreSQL, another's). A failed run is tried again at the next tick. Returns
 * the function that stops it (waiting for the run under way).
 */
export function startEmailSender(
  ctx: AppContext,
  sender: EmailSender,
  intervalMs = EMAIL_SWEEP_SECONDS * 1000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let queued = false;
  let stopped = false;
  const run = () => {
    if (queued || stopped) return;
    queued = true;
    running = running
      .then(() => {
        queued = false;
        return stopped ? undefined : sendDueEmails(ctx, sender);
      })
      .catch((e: unknown) => console.error('sending emails failed:', e instanceof Error ? e.message : e));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  // Any change may have queued emails (the kinds grow: contract/email.ts); a sealed audit batch never does.
  const unsubscribe = ctx.events.subscribe((e) => {
    if (e.type !== 'audit.appended') run();
  });
  return async () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
    await running;
    await sender.mailer.close();
  };
}
