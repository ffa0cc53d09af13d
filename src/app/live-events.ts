/**
 * What one signed-in reader is told about one event on the bus. The event only names a record;
 * the record is read again AS THE READER (row-level security), so the live stream shows exactly
 * what a list would: a record the reader may not see yields nothing. When the alert rule
 * (src/domain/alerts.ts) holds for what the reader sees, an `alert` message follows the record.
 *
 * Events name records by entity: `report` (id), `incident` (id), `finding` (key). A
 * `finding.changed` may also name the record whose change moved findings: an `incident` (its
 * findings are sent, and judged for alerts), or a `zone`, `agreement` or `actor` (the record is
 * sent, as a cue to read the findings again; no alert, since the event does not say which
 * findings changed and old violations would be announced again).
 */
import { type AlertReason, alertReasons } from '../domain/alerts.ts';
import type { ProtectedSite } from '../domain/model.ts';
import {
  findingSummary, findingsOfIncident, type FindingSummaryRow, incidentSummary, type IncidentSummaryRow, reportSummary,
  type ReportSummaryRow, subjectSummary,
} from '../store/live.repository.ts';
import { listProtectedSites } from '../store/plan.repository.ts';
import { asReader } from '../store/reader.ts';
import type { Sql } from '../store/sql.ts';
import { type Caller, readerOf } from './caller.ts';
import type { AppContext } from './context.ts';
import type { TruceEvent } from './events.ts';

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
  subject: Parameters<typeof alertReasons>[0];
}

export async function visibleMessages(ctx: AppContext, caller: Caller, event: TruceEvent): Promise<LiveMessage[]> {
  return asReader(ctx.db, readerOf(caller), async (sql) => {
    const records = await readVisible(sql, event);
    const checksAlerts = event.type !== 'incident.updated';
    let sites: ProtectedSite[] | null = null;
    const messages: LiveMessage[] = [];
    for (const r of records) {
      const base = { entity: r.entity, id: r.id, at: new Date(event.at).toISOString() };
      if (event.type !== 'alert') messages.push({ type: event.type, ...base, data: r.data });
      let reasons: AlertReason[] = [];
      if (checksAlerts) {
        if (r.subject.where) sites ??= await listProtectedSites(sql); // only the sites this reader may see
        reasons = alertReasons(r.subject, sites ?? []);
      }
      if (event.type === 'alert' || reasons.length > 0) messages.push({ type: 'alert', ...base, data: { ...r.data, reasons } });
    }
    return messages;
  });
}

async function readVisible(sql: Sql, event: TruceEvent): Promise<Visible[]> {
  const findings = event.type === 'finding.changed' || event.type === 'alert';
  switch (event.entity) {
    case 'report': {
      const r = await reportSummary(sql, event.id);
      return r ? [{ entity: 'report', id: r.id, data: reportData(r), subject: { where: { lon: r.lon, lat: r.lat, at: r.claimed_at.getTime() } } }] : [];
    }
    case 'incident': {
      if (event.type === 'finding.changed') return withIncidents(sql, await findingsOfIncident(sql, event.id));
      const i = await incidentSummary(sql, event.id);
      return i ? [{ entity: 'incident', id: i.id, data: incidentData(i), subject: {} }] : [];
    }
    case 'finding': {
      const f = findings ? await findingSummary(sql, event.id) : null;
      return f ? withIncidents(sql, [f]) : [];
    }
    case 'zone':
    case 'agreement':
    case 'actor': {
      const r = findings ? await subjectSummary(sql, event.entity, event.id) : null;
      return r ? [{ entity: event.entity, id: r.id, data: { ...r }, subject: {} }] : [];
    }
    default:
      return []; // an entity we cannot re-read is never shown
  }
}

/** Findings as messages; an incident finding carries its incident's place and time for the alert rule. */
async function withIncidents(sql: Sql, findings: FindingSummaryRow[]): Promise<Visible[]> {
  const out: Visible[] = [];
  for (const f of findings) {
    const incident = f.kind === 'incident' ? await incidentSummary(sql, f.subject_id) : null;
    out.push({
      entity: 'finding', id: f.key, data: findingData(f),
      subject: {
        verdict: f.verdict, agreement: f.agreement_id, violators: f.violators,
        where: incident ? { lon: incident.lon, lat: incident.lat, at: incident.occurred_at.getTime() } : null,
      },
    });
  }
  return out;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const reportData = (r: ReportSummaryRow) => ({
  id: r.id, incident_id: r.incident_id, org: r.org_id, channel: r.channel, received_at: iso(r.received_at),
  claimed_at: iso(r.claimed_at), location: { lon: r.lon, lat: r.lat }, act: r.act, alleged_perpetrator: r.alleged_perpetrator,
  target_civilian: r.target_civilian, target_actor: r.target_actor, casualties_best: r.casualties_best,
  classification: r.classification, narrative: r.narrative,
});

const incidentData = (i: IncidentSummaryRow) => ({
  id: i.id, occurred_at: iso(i.occurred_at), location: { lon: i.lon, lat: i.lat }, place: i.place, act: i.act,
  perpetrator: i.perpetrator, status: i.status, grade: i.grade, deaths_best: i.deaths_best, headline: i.headline,
  classification: i.classification,
});

const findingData = (f: FindingSummaryRow) => ({
  key: f.key, kind: f.kind, subject_id: f.subject_id, agreement_id: f.agreement_id, at: iso(f.at), verdict: f.verdict,
  violators: f.violators, rule: f.rule, obligation: f.obligation, explanation: f.explanation, statements: f.statements,
});
