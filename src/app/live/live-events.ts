/**
 * What one signed-in reader is told about one event on the bus. The event only names a record;
 * the record is read again AS THE READER (row-level security), so the live stream shows exactly
 * what a list would: a record the reader may not see yields nothing, and what a record says of
 * others (a report's incident, a finding's zones and obligation) is withheld as the REST reads
 * withhold it. When the alert rule (src/domain/alerts.ts) holds for what the reader sees, an
 * `alert` message follows the record.
 *
 * Events name records by entity: `report` (id), `incident` (id), `finding` (key), `operation`
 * (id: an alert when it comes within the buffer of sites the reader may see), `settings` (`world`)
 * and `calm_setting` (an agreement's id, sent only to readers who may see the agreement). A
 * `finding.changed` may also name the record whose change moved findings: an `incident` (its
 * findings are sent, and judged for alerts), or a `zone`, `agreement` or `actor` (the record is
 * sent, as a cue to read the findings again; no alert, since the event does not say which
 * findings changed and old violations would be announced again).
 *
 * An `audit.appended` (entity `audit`, id `<from>-<to>`: positions of the chain just sealed) is
 * sent, with no data, only to a reader who may read the trail (`audit:read`) and would see one
 * of those entries listed by GET /audit (the same query, auditTrailVisible): a cue to read the
 * trail again that tells nothing of entries hidden from the reader, not even that they were written.
 *
 * A `hotline.updated` or `hotline.escalated` (entity `hotline_thread`) is sent to a reader who may see
 * the thread (its opener, its recipients, the secretariat), with the thread's short form. A
 * `convoy_request.changed` (entity `convoy_request`) to a reader who may see the request, with its name and state. A
 * `negotiation_room.changed` (entity `negotiation_room`) to a member of the room, with its title and agreement.
 * `source_text.changed` (entity `source_text`: a text received, or one of its drafts decided) to who may see the
 * text, with how it came and how many of its drafts wait.
 *
 * A `position.changed` (entity `position`) is sent to its owner organization and its recipients only. A
 * `notice.changed` (entity `operation`: a notice checked) is sent to who may see the operation, with the
 * conflicts it may see; to the secretariat, when the operation is hidden from it, as `notice_conflict`
 * messages (the conflict and who declared it, when: no operation id); to each owner of a target at risk as
 * `deconfliction_alert` messages (its target, the clearance, the window: nothing of the operation).
 *
 * Readers of one organization with one clearance see the same rows, so an event is read once
 * for each such group (and role), not once per open stream: `LiveReads`.
 */
import { type AlertReason, alertReasons, operationAlertReasons } from '../../domain/alerts.ts';
import type { ProtectedSite } from '../../domain/model.ts';
import type { Names } from '../../domain/statements.ts';
import * as actors from '../../store/actor.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as convoyRequests from '../../store/convoy-request.repository.ts';
import * as conflicts from '../../store/conflict.repository.ts';
import * as hotline from '../../store/hotline.repository.ts';
import * as live from '../../store/live.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import * as settings from '../../store/settings.repository.ts';
import * as sourceTexts from '../../store/source-text.repository.ts';
import * as notifications from '../../store/notification.repository.ts';
import * as positions from '../../store/position.repository.ts';
import { asReader } from '../../store/reader.ts';
import type { Sql } from '../../store/sql.ts';
import { auditTrailVisible } from '../audit/list-audit-trail.ts';
import { type Caller, can, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { TruceEvent } from '../events.ts';
import { whereView } from '../map/where.ts';
import { alertView, conflictView } from '../notices/notice-views.ts';
import { stateOf } from '../notifications/notification-access.ts';
import { iso as isoOf, isoOrNull, operationView } from '../shared/views.ts';

export interface LiveMessage {
  type: TruceEvent['type'];
  entity: string;
  id: string;
  /** When the event happened (ISO 8601). */
  at: string;
  /** The record as the reader sees it; for an alert, with `reasons`. */
  data: Record<string, unknown>;
}

interface Visible {
  entity: string;
  id: string;
  data: Record<string, unknown>;
  /** What the alert rule reads; for an operation, the operation to deconflict. */
  subject: Parameters<typeof alertReasons>[0];
  operation?: Parameters<typeof operationAlertReasons>[0];
}

/** The readers that see the same thing: row-level security reads the organization and clearance. */
const groupOf = (caller: Caller) => `${caller.orgId}\u0000${caller.clearance}\u0000${caller.role}`;

/**
 * The messages of each event for each group of readers, read once and shared by the group's
 * streams; the last `keep` reads are remembered, so that replays after a reconnect cost nothing.
 */
export class LiveReads {
  readonly #reads = new Map<string, Promise<LiveMessage[]>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly keep = 2_000,
  ) {}

  /** `eventId` identifies the event (the feed's id), so that its reads can be shared. */
  messages(eventId: string, event: TruceEvent, caller: Caller): Promise<LiveMessage[]> {
    const key = `${eventId}\u0000${groupOf(caller)}`;
    let read = this.#reads.get(key);
    if (!read) {
      read = visibleMessages(this.ctx, caller, event);
      // A failed read is not remembered: the next stream of the group tries again.
      read.catch(() => this.#reads.delete(key));
      this.#reads.set(key, read);
      if (this.#reads.size > this.keep) this.#reads.delete(this.#reads.keys().next().value!);
    }
    return read;
  }
}

export async function visibleMessages(ctx: AppContext, caller: Caller, event: TruceEvent): Promise<LiveMessage[]> {
  if (event.type === 'audit.appended') return auditMessages(ctx, caller, event);
  // Texts and their drafts are read by who may file reports (GET /intake).
  if (event.type === 'source_text.changed' && !can(caller, 'report:file')) return [];
  return asReader(ctx.db, readerOf(caller), async (sql) => {
    const records = await readVisible(sql, event);
    const checksAlerts = event.type !== 'incident.updated';
    let sites: ProtectedSite[] | null = null;
    let names: Names | null = null;
    const messages: LiveMessage[] = [];
    for (const r of records) {
      const base = { entity: r.entity, id: r.id, at: new Date(event.at).toISOString() };
      if (event.type !== 'alert') messages.push({ type: event.type, ...base, data: r.data });
      let reasons: AlertReason[] = [];
      if (checksAlerts) {
        if (r.subject.where || r.operation) sites ??= await plans.listProtectedSites(sql); // only the sites this reader may see
        if (r.subject.verdict === 'violation') names ??= await namesFor(sql);
        reasons = r.operation
          ? operationAlertReasons(r.operation, sites ?? [], names ?? undefined)
          : alertReasons(r.subject, sites ?? [], names ?? undefined);
      }
      if ((event.type === 'alert' && !r.operation) || reasons.length > 0)
        messages.push({ type: 'alert', ...base, data: { ...r.data, reasons } });
    }
    return messages;
  });
}

/** Entries of the trail sealed: a message when the reader would see one of them in GET /audit. */
async function auditMessages(ctx: AppContext, caller: Caller, event: TruceEvent): Promise<LiveMessage[]> {
  const m = /^(\d+)-(\d+)$/.exec(event.id);
  if (event.entity !== 'audit' || !m || !can(caller, 'audit:read')) return [];
  const sealed = { from: Number(m[1]), to: Number(m[2]) };
  if (!(await auditTrailVisible(ctx, caller, { sealed }))) return [];
  return [{ type: event.type, entity: 'audit', id: event.id, at: new Date(event.at).toISOString(), data: {} }];
}

/** Actors' names and agreements' titles, as the reader may see them, for the English of alerts. */
async function namesFor(sql: Sql): Promise<Names> {
  const names = await actors.names(sql);
  const titles = await agreements.titles(sql);
  return { actor: (id) => names.get(id) ?? id, agreement: (id) => titles.get(id) || id };
}

async function readVisible(sql: Sql, event: TruceEvent): Promise<Visible[]> {
  const findings = event.type === 'finding.changed' || event.type === 'alert';
  switch (event.entity) {
    case 'report': {
      const r = await live.reportSummary(sql, event.id);
      return r
        ? [
            {
              entity: 'report',
              id: r.id,
              data: reportData(r),
              subject: { where: { lon: r.lon, lat: r.lat, at: r.claimed_at.getTime() } },
            },
          ]
        : [];
    }
    case 'incident': {
      if (event.type === 'finding.changed') return withIncidents(sql, await live.findingsOfIncident(sql, event.id));
      const i = await live.incidentSummary(sql, event.id);
      return i ? [{ entity: 'incident', id: i.id, data: incidentData(i), subject: {} }] : [];
    }
    case 'finding': {
      const f = findings ? await live.findingSummary(sql, event.id) : null;
      return f ? withIncidents(sql, [f]) : [];
    }
    case 'operation': {
      if (event.type === 'notice.changed') return noticeMessages(sql, event.id);
      const o = event.type === 'alert' ? await plans.getOperation(sql, event.id) : null;
      return o ? [{ entity: 'operation', id: o.id, data: operationView(o), subject: {}, operation: o }] : [];
    }
    case 'zone':
    case 'agreement':
    case 'actor': {
      const r = findings ? await live.subjectSummary(sql, event.entity, event.id) : null;
      return r ? [{ entity: event.entity, id: r.id, data: { ...r }, subject: {} }] : [];
    }
    // A change of the settings: the timezone and host state (everyone's), or one agreement's days of calm (shown only
    // to a reader who may see the agreement, so that the event tells nothing of a hidden one).
    case 'settings': {
      if (event.type !== 'settings.changed') return [];
      const s = await settings.get(sql);
      return [
        { entity: 'settings', id: event.id, data: { timezone: s.timezone, host_state: s.hostState }, subject: {} },
      ];
    }
    case 'calm_setting': {
      if (event.type !== 'settings.changed' || !(await agreements.get(sql, event.id))) return [];
      const c = (await settings.listCalm(sql)).find((x) => x.agreement === event.id);
      return [
        {
          entity: 'calm_setting',
          id: event.id,
          data: {
            agreement: event.id,
            threshold_per_day: c?.thresholdPerDay ?? null,
            days_required: c?.daysRequired ?? null,
          },
          subject: {},
        },
      ];
    }
    // A hotline thread changed or escalated: read as the reader, so only its parties and the secretariat hear of it.
    case 'hotline_thread': {
      const t = event.type.startsWith('hotline.') ? await hotline.get(sql, event.id) : null;
      return t ? [{ entity: 'hotline_thread', id: t.id, data: hotlineData(t), subject: {} }] : [];
    }
    // A notification, read again as the reader (migration 020's policies): only its owner, its recipients and the
    // secretariat hear of it, and only its state and its name.
    case 'notification': {
      if (event.type !== 'notification.changed') return [];
      const read = await notifications.get(sql, event.id);
      return read ? [{ entity: 'notification', id: event.id, data: notificationLive(read), subject: {} }] : [];
    }
    // A position, read again as the reader (migration 022's policies): only its owner and its recipients hear of it.
    case 'position': {
      if (event.type !== 'position.changed') return [];
      const p = await positions.get(sql, event.id);
      return p
        ? [
            {
              entity: 'position',
              id: p.id,
              data: { name: p.name, kind: p.kind, owner_org: p.ownerOrg, withdrawn: p.withdrawnAt !== null },
              subject: {},
            },
          ]
        : [];
    }
    // A convoy request, read again as the reader (migration 027's policies): only its organizer's organization, the
    // organizations deciding for a party it asks and the secretariat hear of it, and only its name and state.
    case 'convoy_request': {
      if (event.type !== 'convoy_request.changed') return [];
      const r = await convoyRequests.get(sql, event.id);
      return r
        ? [
            {
              entity: 'convoy_request',
              id: r.id,
              data: { name: r.name, state: r.state, organizer_org: r.organizerOrg },
              subject: {},
            },
          ]
        : [];
    }
    // A negotiation room, read again as the reader (migration 033's policies): only its members hear of it.
    case 'negotiation_room': {
      if (event.type !== 'negotiation_room.changed') return [];
      const r = await rooms.get(sql, event.id);
      return r
        ? [{ entity: 'negotiation_room', id: r.id, data: { title: r.title, agreement_id: r.agreementId }, subject: {} }]
        : [];
    }
    // A text received or one of its drafts decided, read again as the reader (migration 034's policies): only who may
    // see the text hears of it, with how it came and how many drafts wait.
    case 'source_text': {
      if (event.type !== 'source_text.changed') return [];
      const [t] = await sourceTexts.list(sql, { waiting: false, limit: 1, only: event.id, before: null });
      return t
        ? [
            {
              entity: 'source_text',
              id: t.id,
              data: { channel: t.channel, proposed: t.drafts.proposed },
              subject: {},
            },
          ]
        : [];
    }
    default:
      return []; // an entity we cannot re-read is never shown
  }
}

/**
 * A notice checked (declared, changed, withdrawn, or a target near it made or changed): the notice
 * and the conflicts the reader may see, to whoever may see the operation (the declaring
 * organization, the secretariat); and to the owner of each target it comes near, an alert that
 * names the target, the clearance and the window, never the operation (the message is the alert's,
 * `deconfliction_alert`, its id the alert's own).
 */
async function noticeMessages(sql: Sql, id: string): Promise<Visible[]> {
  const out: Visible[] = [];
  const o = await plans.getOperation(sql, id);
  const found = await conflicts.listOpen(sql, [id]);
  if (o) {
    out.push({
      entity: 'operation',
      id,
      data: { ...operationView(o), conflicts: found.map(conflictView) },
      subject: {},
    });
  } else {
    // The secretariat, whom the operation's classification does not show it: each conflict, with who declared it and when.
    const outline = found.length > 0 ? await plans.getNoticeOutline(sql, id) : null;
    if (outline)
      for (const c of found)
        out.push({
          entity: 'notice_conflict',
          id: c.id,
          data: {
            ...conflictView(c),
            declared_by: outline.ownerOrg,
            window: { from: isoOf(outline.window.from), to: isoOrNull(outline.window.to) },
          },
          subject: {},
        });
  }
  for (const a of await conflicts.listAlertsOf(sql, id))
    out.push({ entity: 'deconfliction_alert', id: a.id, data: alertView(a), subject: {} });
  return out;
}

/** Findings as messages; an incident finding carries its incident's place and time for the alert rule. */
async function withIncidents(sql: Sql, findings: live.FindingSummaryRow[]): Promise<Visible[]> {
  const out: Visible[] = [];
  for (const f of findings) {
    const incident = f.kind === 'incident' ? await live.incidentSummary(sql, f.subject_id) : null;
    out.push({
      entity: 'finding',
      id: f.key,
      data: findingData(f, incident),
      subject: {
        verdict: f.verdict,
        agreement: f.agreement_id,
        violators: f.violators,
        where: incident ? { lon: incident.lon, lat: incident.lat, at: incident.occurred_at.getTime() } : null,
      },
    });
  }
  return out;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const reportData = (r: live.ReportSummaryRow) => ({
  id: r.id,
  incident_id: r.incident_id,
  org: r.org_id,
  channel: r.channel,
  received_at: iso(r.received_at),
  claimed_at: iso(r.claimed_at),
  location: { lon: r.lon, lat: r.lat },
  where: whereView(r.lon, r.lat),
  act: r.act,
  alleged_perpetrator: r.alleged_perpetrator,
  target_civilian: r.target_civilian,
  target_actor: r.target_actor,
  casualties_best: r.casualties_best,
  classification: r.classification,
  narrative: r.narrative,
});

/** An incident as an event tells of it: what happened, where (for people) and when; webhooks send the same. */
export const incidentData = (i: live.IncidentSummaryRow) => ({
  id: i.id,
  occurred_at: iso(i.occurred_at),
  location: { lon: i.lon, lat: i.lat },
  where: whereView(i.lon, i.lat),
  place: i.place,
  act: i.act,
  perpetrator: i.perpetrator,
  status: i.status,
  grade: i.grade,
  deaths_best: i.deaths_best,
  headline: i.headline,
  classification: i.classification,
});

/** A finding, with where and when its incident happened (for people: a place, not an id). */
const findingData = (f: live.FindingSummaryRow, incident: live.IncidentSummaryRow | null) => ({
  key: f.key,
  kind: f.kind,
  subject_id: f.subject_id,
  agreement_id: f.agreement_id,
  at: iso(f.at),
  verdict: f.verdict,
  violators: f.violators,
  rule: f.rule,
  obligation: f.obligation,
  explanation: f.explanation,
  statements: f.statements,
  ...(incident ? { incident: incidentData(incident) } : {}),
});

const hotlineData = (t: hotline.HotlineThread) => ({
  id: t.id,
  subject: t.subject,
  priority: t.priority,
  opened_by_org: t.openedByOrg,
  recipients: t.recipients.map((r) => r.org),
  ack_due_at: new Date(t.ackDueAt).toISOString(),
  escalated_at: t.escalatedAt === null ? null : new Date(t.escalatedAt).toISOString(),
  escalated_again_at: t.escalatedAgainAt === null ? null : new Date(t.escalatedAgainAt).toISOString(),
  resolved_at: t.resolvedAt === null ? null : new Date(t.resolvedAt).toISOString(),
});

/** What a notification's live message carries: its name, its owner, its state as of the database's clock. */
function notificationLive({ notification: n, now }: notifications.NotificationRead): Record<string, unknown> {
  return { name: n.name, owner_org: n.ownerOrg, ...stateOf(n, now) };
}
