/**
 * `truce serve`: the HTTP server on the embedded database (./truce-data) or on PostgreSQL. The
 * first start on an empty database loads the demo world and creates the admin account
 * (src/app/scenario/seed-demo-world.ts). On PostgreSQL, live events go through LISTEN/NOTIFY so that
 * several servers on one database see each other's; on PGlite they stay in the process.
 * Each server also sweeps hotline escalations and delivers webhooks (app/webhooks/dispatch.ts).
 * SIGINT or SIGTERM stops it: no new connections, open event streams end, requests in flight
 * finish, the audit trail is sealed, the database is closed.
 */
import { startEmailSender } from '../app/email/send-due-emails.ts';
import { startDailyReportScheduler } from '../app/daily-report/send-daily-reports.ts';
import { chromiumPdf } from '../adapters/chromium-pdf.ts';
import { pdftotext } from '../adapters/pdftotext.ts';
import { startHotlineSweeper } from '../app/hotline/sweep-escalations.ts';
import { startWebhookDispatcher } from '../app/webhooks/dispatch.ts';
import { createReadStream } from 'node:fs';
import { isIP } from 'node:net';
import { readFile } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createContext } from '../app/context.ts';
import { AppError } from '../app/errors.ts';
import { type EventBus, LocalEventBus } from '../app/events.ts';
import { PgEventBus } from '../adapters/pg-event-bus.ts';
import { parseSmtpUrl, type SmtpOptions, smtpMailer } from '../adapters/smtp-mailer.ts';
import { rejudgeStaleFindings } from '../app/findings/rejudge-stale-findings.ts';
import { type FirstStartResult, planFirstStart, seedDemoWorld } from '../app/scenario/seed-demo-world.ts';
import { RULES_VERSION } from '../domain/findings.ts';
import { parseBasemap } from '../http/basemap.ts';
import { buildServer } from '../http/server.ts';
import { databaseOptionsFrom, openDatabase } from '../store/database.ts';
import type { DbFlags } from './database.command.ts';
import { EXIT, type Io, UsageError } from './io.ts';

const ROOT = new URL('../../', import.meta.url);
export const DEMO_BUNDLE = new URL('examples/syria-2016.json', ROOT);
export const DEMO_UCDP = new URL('data/ucdp-ged-syria-2016.csv.gz', ROOT);

export interface ServeOptions {
  port: string | undefined;
  host: string | undefined;
  empty: boolean;
  /** The deployment's map tiles (--tile-url, else TRUCE_TILE_URL). */
  tileUrl?: string | undefined;
  /** The TLS-terminating proxies to believe (--trust-proxy, else TRUCE_TRUST_PROXY): see parseTrustProxy. */
  trustProxy?: string | undefined;
  /** The SMTP server emails leave through (--smtp-url, else TRUCE_SMTP_URL); none: no email. */
  smtpUrl?: string | undefined;
  /** The address emails come from (--smtp-from, else TRUCE_SMTP_FROM). */
  smtpFrom?: string | undefined;
  /** The web app's address as its users reach it, for links in emails (--public-url, else TRUCE_PUBLIC_URL). */
  publicUrl?: string | undefined;
}

export interface EmailConfig {
  smtp: SmtpOptions;
  from: string;
  /** Null: the address the server listens on. */
  publicUrl: string | null;
}

/** The email configuration from the flags and the environment: null when no SMTP server is named. */
export function emailConfig(options: Pick<ServeOptions, 'smtpUrl' | 'smtpFrom' | 'publicUrl'>): EmailConfig | null {
  const url = options.smtpUrl ?? process.env.TRUCE_SMTP_URL;
  const publicUrl = options.publicUrl ?? process.env.TRUCE_PUBLIC_URL;
  if (publicUrl !== undefined && publicUrl !== '') {
    const ok = URL.canParse(publicUrl) && /^https?:$/.test(new URL(publicUrl).protocol);
    if (!ok) throw new UsageError(`--public-url must be the web app's http:// or https:// address, not "${publicUrl}"`);
  }
  if (url === undefined || url === '') return null;
  const smtp = parseSmtpUrl(url);
  if (typeof smtp === 'string') throw new UsageError(`--smtp-url (or TRUCE_SMTP_URL) ${smtp}`);
  const from = options.smtpFrom ?? process.env.TRUCE_SMTP_FROM;
  if (!from || !/@/.test(from))
    throw new UsageError(
      '--smtp-from (or TRUCE_SMTP_FROM) must give the address emails come from, such as "Truce <truce@example.org>"',
    );
  return { smtp, from, publicUrl: publicUrl ? publicUrl.replace(/\/?$/, '/') : null };
}

/**
 * `--trust-proxy`: `true` (any proxy: only when nothing else can reach the port), a number of
 * proxy hops, or the proxies' addresses and CIDRs, comma-separated (`127.0.0.1,10.0.0.0/8`; also
 * `loopback`, `linklocal`, `uniquelocal`). Requests that such a proxy says came over TLS
 * (X-Forwarded-Proto: https) get a Secure session cookie, HSTS and upgrade-insecure-requests.
 */
export function parseTrustProxy(text: string | undefined): boolean | number | string {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  const valid = (e: string) =>
    ['loopback', 'linklocal', 'uniquelocal'].includes(e) ||
    (() => {
      const [address, bits, ...rest] = e.split('/');
      const family = isIP(address ?? '');
      return (
        family !== 0 &&
        rest.length === 0 &&
        (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)))
      );
    })();
  const bad = entries.find((e) => !valid(e));
  if (bad !== undefined)
    throw new UsageError(`--trust-proxy: "${bad}" is not true, a number of hops, an address or a CIDR`);
  return entries.join(',');
}

/** Runs until `stop` resolves (by default: SIGINT or SIGTERM). */
export async function serve(
  io: Io,
  options: ServeOptions,
  flags: DbFlags,
  stop: Promise<unknown> = untilSignal(),
): Promise<number> {
  const port = Number(options.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${options.port}"`);
  const host = options.host ?? '127.0.0.1';
  const tileUrl = options.tileUrl ?? process.env.TRUCE_TILE_URL;
  const basemap = tileUrl ? parseBasemap(tileUrl) : null;
  if (typeof basemap === 'string') throw new UsageError(`--tile-url ${basemap}`);
  const trustProxy = parseTrustProxy(options.trustProxy ?? process.env.TRUCE_TRUST_PROXY);
  const email = emailConfig(options);
  const dbOptions = databaseOptionsFrom(flags);
  const db = await openDatabase(dbOptions);
  let events: EventBus | null = null;
  try {
    events = dbOptions.url ? await PgEventBus.connect({ url: dbOptions.url, sql: db }) : new LocalEventBus();
    // Webhooks to loopback and private addresses only when the operator says so (docs/webhooks.md).
    const allowPrivateTargets = ['1', 'true'].includes(process.env.TRUCE_WEBHOOKS_ALLOW_PRIVATE ?? '');
    // The daily report's PDF: Chromium, launched on the first request (decision 026).
    const ctx = createContext(db, {
      events,
      emailDelivery: email !== null,
      webhooks: { allowPrivateTargets },
      pdf: chromiumPdf(),
      // Text intake reads a PDF's text layer with pdftotext (poppler-utils), when installed.
      pdfText: pdftotext(),
    });
    try {
      try {
        await firstStart(io, ctx, options.empty);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        io.err(`truce serve: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
        return EXIT.invalid;
      }
      const app = await buildServer({ ctx, logger: process.env.TRUCE_LOG_LEVEL ?? 'warn', basemap, trustProxy });
      try {
        await app.listen({ port, host });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
        io.err(`truce serve: ${host}:${port} is in use; choose another port with --port\n`);
        return EXIT.failure;
      }
      const { port: bound } = app.server.address() as { port: number };
      io.out(
        `Truce is running at http://${host.includes(':') ? `[${host}]` : host}:${bound}/ (${db.kind === 'pglite' ? `embedded database in ${dbOptions.dataDir}` : 'PostgreSQL'}; Ctrl-C stops it)\n`,
      );
      // Hotline escalations that came due while no server ran fire now; then every few seconds.
      const stopSweeper = startHotlineSweeper(ctx);
      // The daily reports' schedules: each organization's, once a day at its time (docs/daily-report.md).
      const stopReports = startDailyReportScheduler(ctx);
      // Emails queued while no server ran (or the SMTP server was away) leave now; then as they come due.
      let stopEmail = async () => {};
      if (email) {
        const publicUrl = email.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`;
        stopEmail = startEmailSender(ctx, { mailer: smtpMailer(email.smtp, email.from), publicUrl });
        io.out(
          `Email through ${email.smtp.secure ? 'smtps' : 'smtp'}://${email.smtp.host}:${email.smtp.port}, from ${email.from}, links to ${publicUrl}\n`,
        );
      }
      // Webhook deliveries: those the outbox and the log hold (from before a restart too), then as events come.
      const stopWebhooks = startWebhookDispatcher(ctx);
      await stop;
      io.out('Stopping...\n');
      await stopEmail();
      await stopSweeper();
      await stopReports();
      await stopWebhooks();
      await app.close();
    } finally {
      await ctx.close();
    }
    io.out('Stopped.\n');
    return EXIT.ok;
  } finally {
    await events?.close();
    await db.close();
  }
}

async function firstStart(io: Io, ctx: Parameters<typeof seedDemoWorld>[0], empty: boolean): Promise<void> {
  const rejudged = await rejudgeStaleFindings(ctx);
  if (rejudged) {
    const n = rejudged.incidents.updated + rejudged.territory.updated;
    io.out(
      `The rules were updated (${RULES_VERSION}): ${n.toLocaleString('en-US')} findings judged again, the old ones kept in their history.\n`,
    );
  }
  const plan = await planFirstStart(ctx.db, { empty });
  if (!plan.demo && !plan.admin) return;
  io.out(
    plan.demo
      ? 'First start on an empty database: creating the admin account and loading the demo world (Syria 2016: the truce bundle and the UCDP events)...\n'
      : 'First start: no users yet, creating the admin account...\n',
  );
  const result = await seedDemoWorld(
    ctx,
    plan,
    {
      scenario: plan.demo ? await readFile(DEMO_BUNDLE, 'utf8') : '',
      ucdpEvents: () => gunzipped(DEMO_UCDP),
    },
    { adminPassword: process.env.TRUCE_ADMIN_PASSWORD || undefined },
  );
  report(io, result);
}

function report(io: Io, r: FirstStartResult): void {
  const n = (x: number) => x.toLocaleString('en-US');
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  if (r.organizations.length > 0) io.out(`  organizations  ${r.organizations.join(', ')}\n`);
  if (r.scenario) {
    const records = Object.entries(r.scenario.records)
      .map(([kind, c]) => `${n(c.added)} ${kind.replace('_', ' ')}`)
      .join(', ');
    io.out(
      `  demo bundle    ${records}, ${n(r.reports)} reports, ${n(r.convoyRequests)} convoy requests` +
        `${r.negotiationRoom ? ', a negotiation room' : ''} (${s(r.ms.scenario)})\n`,
    );
  }
  if (r.access) {
    const a = r.access;
    io.out(
      `  access 2016    ${n(a.areas)} besieged areas, ${n(a.estimates)} population estimates, ${n(a.deliveries)} deliveries, ` +
        `${n(a.agreements)} local agreements, ${n(a.evacuations)} evacuations\n`,
    );
  }
  if (r.ucdp) {
    const u = r.ucdp;
    io.out(
      `  UCDP 2016      ${n(u.inserted)} incidents, ${n(u.findings)} findings, ${n(u.actorsAdded.length)} new actors` +
        `${u.rejected.length > 0 ? `, ${n(u.rejected.length)} rows rejected` : ''} (${s(r.ms.ucdp)})\n`,
    );
  }
  io.out(`First start done in ${s(r.ms.total)}.\n`);
  if (r.admin) {
    io.out(
      r.admin.generated
        ? `Admin account: ${r.admin.username}, password ${r.admin.password}\n  (shown only this once: change it with \`truce user passwd ${r.admin.username}\`)\n`
        : `Admin account: ${r.admin.username}, with the password in TRUCE_ADMIN_PASSWORD\n`,
    );
  }
}

/** A gzipped file, unzipped as it is read; closing the result closes the file. */
function gunzipped(url: URL): Readable {
  return pipeline(createReadStream(url), createGunzip(), () => undefined);
}

/** Resolves on the first SIGINT or SIGTERM; a second one then ends the process the usual way. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
