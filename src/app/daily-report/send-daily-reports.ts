/**
 * The daily report by email (docs/daily-report.md). Each organization's schedule (migration 029)
 * comes due once a day at its time (local, in the truce timezone): a sweep claims it for the day
 * (`for update skip locked`: one server, once) and queues one message in the email outbox for each
 * recipient who asks for `report.daily`, naming the day before, in the same transaction. The sender
 * (email/send-due-emails.ts) writes each message out when it sends it: the figures read again, the
 * public edition as anyone may read it and the cleared one as the recipient may see it.
 */
import { decodeRing, polygonOfRing } from '../../domain/drawn-area.ts';
import { worldDayZone } from '../../domain/time.ts';
import * as schedules from '../../store/report-schedule.repository.ts';
import * as settings from '../../store/settings.repository.ts';
import type { AppContext } from '../context.ts';
import { queueEmail } from '../email/queue-email.ts';
import type { Renderer } from '../email/render-context.ts';
import { dailyReportAs, type Edition } from './get-daily-report.ts';
import { renderDailyReport } from './render-daily-report.ts';
import { clearanceOf } from '../caller.ts';
import type { OrgKind } from '../../contract/access.ts';
import type { Language } from '../../contract/email.ts';
import { ANONYMOUS } from '../../store/reader.ts';

/** How often a server looks for schedules due. */
export const REPORT_SWEEP_SECONDS = 60;

const DAY_MS = 86_400_000;

/** Queues the reports of the schedules due now; returns how many messages were queued. */
export async function queueDailyReports(ctx: AppContext): Promise<number> {
  const at = ctx.now();
  const queued = await ctx.db.transaction(async (tx) => {
    const zone = worldDayZone((await settings.get(tx)).timezone);
    const today = zone.localDate(at);
    const minutes = Math.max(0, Math.floor((at - zone.startOf(today)) / 60_000));
    const time = `${String(Math.min(23, Math.floor(minutes / 60))).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
    let n = 0;
    for (const s of await schedules.claimDue(tx, today, time)) {
      if (s.recipients.length === 0) continue;
      n += await queueEmail(tx, {
        kind: 'report.daily',
        entity: 'organization',
        entityId: s.orgId,
        detail: {
          date: yesterday,
          edition: s.edition,
          language: s.language,
          area: s.area,
          polygon: s.polygon,
          send_at: s.sendAt,
        },
        orgs: [s.orgId],
        users: s.recipients,
      });
    }
    return n;
  });
  // The sender finds them at its next sweep (EMAIL_SWEEP_SECONDS).
  return queued;
}

/** The email of the daily report: written whole, as the edition's reader, in the schedule's language. */
export const dailyReportEmail: Renderer = async (r) => {
  const d = r.message.detail as {
    date?: string;
    edition?: Edition;
    language?: Language;
    area?: string | null;
    /** An area drawn, encoded (domain/drawn-area.ts). */
    polygon?: string | null;
    send_at?: string;
  };
  const edition = d.edition === 'public' ? 'public' : 'cleared';
  const reader =
    edition === 'public'
      ? ANONYMOUS
      : {
          userId: r.message.userId,
          orgId: r.message.orgId,
          clearance: clearanceOf({ kind: r.message.orgKind as OrgKind, task_force: r.message.orgTaskForce }),
        };
  const ring = d.polygon ? decodeRing(d.polygon) : null;
  // Never the report of every governorate in place of an area that cannot be read.
  if (d.polygon && !ring) throw new Error("the schedule's drawn area (polygon) cannot be read");
  const report = await dailyReportAs(r.sql, r.now, reader, edition, {
    date: d.date,
    area: d.area ?? undefined,
    polygon: ring ? polygonOfRing(ring) : undefined,
    polygonField: 'polygon',
  });
  const lang = d.language ?? r.lang;
  const first = renderDailyReport(report, { lang, linkBase: r.url('/'), at: r.now });
  return {
    subject: first.subject,
    language: lang,
    document: (footer) => {
      const { html, text } = renderDailyReport(report, { lang, linkBase: r.url('/'), at: r.now, footer });
      return { html, text };
    },
  };
};

/** Sweeps now and then every REPORT_SWEEP_SECONDS until stopped; a failed sweep is tried again at the next tick. */
export function startDailyReportScheduler(
  ctx: AppContext,
  intervalMs = REPORT_SWEEP_SECONDS * 1000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => queueDailyReports(ctx))
      .catch((e: unknown) => console.error('daily report sweep failed:', e instanceof Error ? e.message : e));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
