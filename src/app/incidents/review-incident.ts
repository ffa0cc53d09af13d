/**
 * Post-incident review (issue 10, item 6): one timeline, ordered by time, of what was notified
 * (protected sites, humanitarian notifications and their acknowledgements, convoys), declared
 * (operation notices), said on the hotline (threads linked to the incident, and threads opened near
 * it) and reported (the incident's accounts, and other reports near it) around an incident's time
 * and place (domain/review-window.ts: 48 hours and 10 km unless the reader widens it).
 *
 * Everything is read as the reader, in one transaction: row-level security hides what the reader
 * may not see (a classified operation, a notification or a thread the reader's organization is not
 * party to), and the timeline says nothing of it, not a gap, not a count.
 */
import {
  REVIEW_ENTRY_KINDS,
  REVIEW_MAX_PER_SOURCE,
  type ReviewEntryKind,
  type ReviewRecordType,
} from '../../contract/review.ts';
import type { HotlineEntryKind } from '../../contract/hotline.ts';
import { distanceM } from '../../domain/geo.ts';
import { boxAround } from '../../domain/report-matching.ts';
import { AROUND_DEFAULT, aroundIncident, nearInPlace, nearInTime } from '../../domain/review-window.ts';
import { noticeCovers, struckDistanceM } from '../../domain/site-strike.ts';
import type { Instant, Interval } from '../../domain/time.ts';
import * as hotline from '../../store/hotline.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import * as notifications from '../../store/notification.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import * as settings from '../../store/settings.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { inForce } from './get-site-strike.ts';

export interface ReviewEntry {
  at: Instant;
  kind: ReviewEntryKind;
  record: { type: ReviewRecordType; id: string };
  /** Who, when a party (an actor): a site's owner, an operation's party, a convoy's organizer, the perpetrator. */
  actor: string | null;
  /** Who, when an organization: a notification's owner or a recipient, a hotline party, a report's organization. */
  org: string | null;
  /** To whom: the parties a protected site was notified to. */
  toActors: string[];
  /** To whom: a notification's recipients, a thread's recipients (on its opening). */
  toOrgs: string[];
  /** A notification's name, a thread's subject. */
  name: string | null;
  /** What kind: a site's kind, `movement`, an operation's kind, an act, a thread's priority. */
  what: string | null;
  /** What was said: a hotline message, a report's narrative. */
  body: string | null;
  /** A hotline step (opened, message, acknowledged, escalated, resolved) and an escalation's level. */
  step: HotlineEntryKind | null;
  level: number | null;
  /** A site's validity, a notification's period, an operation's or a convoy's window, the incident's own window. */
  window: Interval | null;
  /** A report's claimed time and its margin in seconds. */
  claimed: { at: Instant; precisionS: number } | null;
  /** Metres from the incident's place to the record's shape or position. */
  distanceM: number | null;
  /** A site or a site's notification: the incident fell within its buffer while it was in force. */
  struck: boolean | null;
  /** An operation notice: its area, radius and window held the incident. */
  covered: boolean | null;
  /** A report that is an account of the incident; a thread linked to it. */
  linked: boolean | null;
}

export interface IncidentReview {
  incident: incidents.IncidentView;
  around: { hours: number; km: number; from: Instant; to: Instant };
  /** The world's timezone, in which the web app shows the times. */
  timezone: string;
  entries: ReviewEntry[];
  /** True when more reports or threads near it, of those the reader may see, were left out than the review holds. */
  more: boolean;
}

const BLANK: Omit<ReviewEntry, 'at' | 'kind' | 'record'> = {
  actor: null,
  org: null,
  toActors: [],
  toOrgs: [],
  name: null,
  what: null,
  body: null,
  step: null,
  level: null,
  window: null,
  claimed: null,
  distanceM: null,
  struck: null,
  covered: null,
  linked: null,
};

const entry = (
  at: Instant,
  kind: ReviewEntryKind,
  type: ReviewRecordType,
  id: string,
  fields: Partial<ReviewEntry>,
): ReviewEntry => ({ ...BLANK, ...fields, at, kind, record: { type, id } });

const metres = (d: number | null) => (d === null ? null : Math.round(d));
const KIND_ORDER = new Map(REVIEW_ENTRY_KINDS.map((k, i) => [k, i]));

export async function reviewIncident(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  widen: { hours?: number | undefined; km?: number | undefined } = {},
): Promise<IncidentReview> {
  const c = requireCaller(caller);
  const hours = widen.hours ?? AROUND_DEFAULT.hours;
  const km = widen.km ?? AROUND_DEFAULT.km;
  return asReader(ctx.db, readerOf(c), async (sql) => {
    const [incident] = await incidents.getMany(sql, [id]);
    if (!incident) throw notFound('incident', id);
    const around = aroundIncident(incident, hours, km);
    const { position, radiusM, during } = around;
    const strike = { at: incident.occurredAt, position };
    const entries: ReviewEntry[] = [
      entry(incident.occurredAt, 'incident', 'incident', incident.id, {
        actor: incident.perpetrator,
        what: incident.act,
        window: incident.occurredUntil ? { from: incident.occurredAt, to: incident.occurredUntil } : null,
        distanceM: 0,
      }),
    ];

    // Notified: protected sites, humanitarian notifications (with their acknowledgements and withdrawal), convoys.
    for (const s of await plans.listSitesNear(sql, during, position, radiusM)) {
      const d = nearInPlace(around, s.geometry, s.bufferM);
      if (d === null) continue;
      entries.push(
        entry(s.valid.from, 'site', 'protected_site', s.id, {
          actor: s.owner,
          toActors: s.notifiedTo,
          what: s.kind,
          window: s.valid,
          distanceM: metres(d),
          struck: struckDistanceM(strike, s) !== null,
        }),
      );
    }
    for (const n of await notifications.listNear(sql, during, position, radiusM)) {
      const d = nearInPlace(around, n.geometry, n.bufferM);
      if (d === null) continue;
      const common = { name: n.name, what: n.siteKind ?? 'movement' };
      entries.push(
        entry(n.createdAt, 'notification', 'notification', n.id, {
          ...common,
          org: n.ownerOrg,
          toOrgs: n.recipients.map((r) => r.orgId),
          window: n.valid,
          distanceM: metres(d),
          struck:
            n.subject === 'site'
              ? struckDistanceM(strike, { geometry: n.geometry, bufferM: n.bufferM, valid: inForce(n) }) !== null
              : null,
        }),
      );
      for (const r of n.recipients)
        if (r.acknowledgedAt !== null)
          entries.push(entry(r.acknowledgedAt, 'acknowledgement', 'notification', n.id, { ...common, org: r.orgId }));
      if (n.withdrawnAt !== null)
        entries.push(entry(n.withdrawnAt, 'withdrawal', 'notification', n.id, { ...common, org: n.ownerOrg }));
    }
    for (const cv of await plans.listConvoysNear(sql, during, position, radiusM)) {
      const d = nearInPlace(around, cv.route);
      if (d === null) continue;
      entries.push(
        entry(cv.window.from, 'convoy', 'convoy', cv.id, {
          actor: cv.organizer,
          window: cv.window,
          distanceM: metres(d),
        }),
      );
    }

    // Declared: operation notices.
    for (const o of await plans.listOperationsNear(sql, during, position, radiusM)) {
      const d = nearInPlace(around, o.area, o.radiusM);
      if (d === null) continue;
      entries.push(
        entry(o.window.from, 'operation', 'operation', o.id, {
          actor: o.actor,
          what: o.kind,
          window: o.window,
          distanceM: metres(d),
          covered: noticeCovers(strike, o),
        }),
      );
    }

    // Said on the hotline: threads linked to the incident, and threads opened near it.
    const link = `incident:${incident.id}`;
    const box = boxAround(position, radiusM);
    const threadRows = await hotline.listNear(sql, link, during, box, REVIEW_MAX_PER_SOURCE + 1);
    let more = threadRows.length > REVIEW_MAX_PER_SOURCE;
    const threads = threadRows.slice(0, REVIEW_MAX_PER_SOURCE).flatMap((t) => {
      const linked = t.links.includes(link);
      const d = t.location ? distanceM(position, [t.location.lon, t.location.lat]) : null;
      return linked || (d !== null && d <= radiusM) ? [{ t, linked, d }] : [];
    });
    const timelines = await hotline.entriesOfThreads(
      sql,
      threads.map(({ t }) => t.id),
    );
    for (const { t, linked, d } of threads)
      for (const e of timelines.get(t.id) ?? [])
        entries.push(
          entry(e.at, 'hotline', 'hotline_thread', t.id, {
            org: e.org,
            toOrgs: e.kind === 'opened' ? t.recipients.map((r) => r.org) : [],
            name: t.subject,
            what: t.priority,
            body: e.body,
            step: e.kind,
            level: e.level,
            distanceM: metres(d),
            linked,
          }),
        );

    // Reported: the incident's accounts, and other reports near it.
    const accounts = await reports.listOfIncident(sql, incident.id);
    const accountIds = new Set(accounts.map((r) => r.id));
    const nearRows = await reports.listNear(sql, during, box, REVIEW_MAX_PER_SOURCE + 1);
    more ||= nearRows.length > REVIEW_MAX_PER_SOURCE;
    const nearby = nearRows
      .slice(0, REVIEW_MAX_PER_SOURCE)
      .filter(
        (r) =>
          !accountIds.has(r.id) &&
          distanceM(position, [r.location.lon, r.location.lat]) <= radiusM &&
          nearInTime(around, r.claimedAt, r.timePrecisionS * 1000),
      );
    for (const r of [...accounts, ...nearby])
      entries.push(
        entry(r.receivedAt, 'report', 'report', r.id, {
          org: r.orgId,
          what: r.act,
          body: r.narrative,
          claimed: { at: r.claimedAt, precisionS: r.timePrecisionS },
          distanceM: metres(distanceM(position, [r.location.lon, r.location.lat])),
          linked: accountIds.has(r.id),
        }),
      );

    // In time order; at the same instant by kind, then by record, keeping each thread's own order.
    const order = entries.map((e, i) => ({ e, i }));
    order.sort(
      (a, b) =>
        a.e.at - b.e.at ||
        KIND_ORDER.get(a.e.kind)! - KIND_ORDER.get(b.e.kind)! ||
        (a.e.record.id < b.e.record.id ? -1 : a.e.record.id > b.e.record.id ? 1 : 0) ||
        a.i - b.i,
    );
    return {
      incident,
      around: { hours, km, from: during.from, to: during.to - 1 },
      timezone: (await settings.get(sql)).timezone,
      entries: order.map(({ e }) => e),
      more,
    };
  });
}
