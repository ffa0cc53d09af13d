/**
 * Reports: one source's account of an event, with its attachments (stored with their SHA-256).
 * Reads run as the reader (row-level security hides what it may not see, attachments and the
 * linked incident's id included); writes run in the caller's transaction.
 */
import type { ReportFilter, ReportSort } from '../contract/lists.ts';
import type { Classification } from '../contract/access.ts';
import type { InfoCredibility, ReportChannel, SourceReliability, TriageState } from '../domain/assessment.ts';
import type { Act, CivilianTarget, Target } from '../domain/model.ts';
import type { BBox } from '../domain/geo.ts';
import type { Instant } from '../domain/time.ts';
import { type AuditEntry, auditInsert, auditRecordset } from './audit.repository.ts';
import {
  type During,
  SEARCH_CANDIDATES,
  containing,
  keyset,
  type Page,
  type PageRequest,
  Params,
  pointInArea,
  pointInBox,
  takePage,
  whereAll,
} from './query.ts';
import { ms, ts } from './rows.ts';
import { Coalescer } from './coalescer.ts';
import type { Database, Sql } from './sql.ts';

export interface AttachmentMeta {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export interface Casualties {
  low: number | null;
  best: number | null;
  high: number | null;
}

export interface ReportRecord {
  id: string;
  /** The incident it is linked to, when the reader may see that incident. */
  incidentId: string | null;
  orgId: string;
  channel: ReportChannel;
  receivedAt: Instant;
  narrative: string;
  claimedAt: Instant;
  timePrecisionS: number;
  location: { lon: number; lat: number };
  locationPrecisionM: number;
  allegedPerpetrator: string | null;
  target: Target;
  act: Act;
  casualties: Casualties | null;
  classification: Classification;
  ownerOrg: string | null;
  attachments: AttachmentMeta[];
  /** The person or outlet the account comes from, as the filer or an analyst named it. */
  source: string | null;
  evaluation: Evaluation | null;
  triage: Triage | null;
}

/** An analyst's NATO/Admiralty evaluation of a report (domain/assessment.ts). */
export interface Evaluation {
  reliability: SourceReliability | null;
  credibility: InfoCredibility | null;
  by: string | null;
  at: Instant;
}

/** Why a report is out of the inbox without an incident: discarded, or a duplicate of another. */
export interface Triage {
  state: TriageState;
  reason: string | null;
  /** The original, when the reader may see it. */
  duplicateOf: string | null;
  by: string | null;
  at: Instant;
}

export interface NewAttachment extends AttachmentMeta {
  content: Buffer;
}

interface ReportRow {
  id: string;
  incident_id: string | null;
  org_id: string;
  channel: ReportChannel;
  received_at: Date;
  narrative: string;
  claimed_at: Date;
  time_precision_s: number;
  lon: number;
  lat: number;
  location_precision_m: number;
  alleged_perpetrator: string | null;
  target_civilian: CivilianTarget | null;
  target_actor: string | null;
  act: Act;
  casualties_low: number | null;
  casualties_best: number | null;
  casualties_high: number | null;
  classification: Classification;
  owner_org: string | null;
  attachments: { id: string; filename: string; media_type: string; size_bytes: number; sha256: string }[];
  source: string | null;
  source_reliability: SourceReliability | null;
  info_credibility: InfoCredibility | null;
  evaluated_by: string | null;
  evaluated_at: Date | null;
  triage: TriageState | null;
  triage_reason: string | null;
  duplicate_of: string | null;
  triaged_by: string | null;
  triaged_at: Date | null;
}

const SELECT = `select r.id, (select i.id from incidents i where i.id = r.incident_id) as incident_id, r.org_id, r.channel,
    r.received_at, r.narrative, r.claimed_at, r.time_precision_s, r.lon, r.lat, r.location_precision_m, r.alleged_perpetrator,
    r.target_civilian, r.target_actor, r.act, r.casualties_low, r.casualties_best, r.casualties_high, r.classification, r.owner_org,
    coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'filename', a.filename, 'media_type', a.media_type,
        'size_bytes', a.size_bytes, 'sha256', a.sha256) order by a.created_at, a.id)
      from report_attachments a where a.report_id = r.id), '[]'::jsonb) as attachments,
    r.source, r.source_reliability, r.info_credibility, r.evaluated_by, r.evaluated_at, r.triage, r.triage_reason,
    (select d.id from reports d where d.id = r.duplicate_of) as duplicate_of, r.triaged_by, r.triaged_at
  from reports r`;

const toReport = (r: ReportRow): ReportRecord => ({
  id: r.id,
  incidentId: r.incident_id,
  orgId: r.org_id,
  channel: r.channel,
  receivedAt: ms(r.received_at),
  narrative: r.narrative,
  claimedAt: ms(r.claimed_at),
  timePrecisionS: r.time_precision_s,
  location: { lon: r.lon, lat: r.lat },
  locationPrecisionM: r.location_precision_m,
  allegedPerpetrator: r.alleged_perpetrator,
  target:
    r.target_civilian !== null
      ? { civilian: r.target_civilian }
      : r.target_actor !== null
        ? { actor: r.target_actor }
        : null,
  act: r.act,
  casualties:
    r.casualties_low === null && r.casualties_best === null && r.casualties_high === null
      ? null
      : { low: r.casualties_low, best: r.casualties_best, high: r.casualties_high },
  classification: r.classification,
  ownerOrg: r.owner_org,
  attachments: r.attachments.map((a) => ({
    id: a.id,
    filename: a.filename,
    mediaType: a.media_type,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
  })),
  source: r.source,
  evaluation:
    r.evaluated_at === null
      ? null
      : {
          reliability: r.source_reliability,
          credibility: r.info_credibility,
          by: r.evaluated_by,
          at: ms(r.evaluated_at),
        },
  triage:
    r.triage === null || r.triaged_at === null
      ? null
      : {
          state: r.triage,
          reason: r.triage_reason,
          duplicateOf: r.duplicate_of,
          by: r.triaged_by,
          at: ms(r.triaged_at),
        },
});

/** A report to write: the record, who filed it, its attachments and its audit entries. */
export interface NewReport {
  report: ReportRecord;
  createdBy: string | null;
  attachments: readonly NewAttachment[];
  auditTrail: readonly AuditEntry[];
}

/**
 * Inserts reports (each owned by its organization), their attachments and the audit entries
 * given, in ONE statement (data-modifying CTEs): atomic by itself, so that reports filed outside
 * a transaction cost a single round trip and never land without their audit entries.
 */
export async function insertMany(sql: Sql, items: readonly NewReport[]): Promise<void> {
  if (items.length === 0) return;
  await sql.query(
    `with report as (
       insert into reports (id, incident_id, org_id, created_by, channel, received_at, narrative, claimed_at, time_precision_s, lon, lat,
         location_precision_m, alleged_perpetrator, target_civilian, target_actor, act, casualties_low, casualties_best, casualties_high,
         classification, owner_org, source)
       select r.id, r.incident_id, r.org_id, r.created_by, r.channel, r.received_at, r.narrative, r.claimed_at, r.time_precision_s,
         r.lon, r.lat, r.location_precision_m, r.alleged_perpetrator, r.target_civilian, r.target_actor, r.act, r.casualties_low,
         r.casualties_best, r.casualties_high, r.classification, r.org_id, r.source
       from jsonb_to_recordset($1::jsonb) as r(id text, incident_id text, org_id text, created_by text, channel text,
         received_at timestamptz, narrative text, claimed_at timestamptz, time_precision_s int, lon float8, lat float8,
         location_precision_m int, alleged_perpetrator text, target_civilian text, target_actor text, act text, casualties_low int,
         casualties_best int, casualties_high int, classification text, source text)
       returning id
     ), attachments as (
       insert into report_attachments (id, report_id, filename, media_type, size_bytes, sha256, content)
       select a.id, report.id, a.filename, a.media_type, a.size_bytes, a.sha256, decode(a.content, 'base64')
       from jsonb_to_recordset($2::jsonb) as a(id text, report_id text, filename text, media_type text, size_bytes int, sha256 text,
         content text)
       join report on report.id = a.report_id
     ), audit as (
       ${auditInsert('$3')}
     )
     select 1`,
    [
      JSON.stringify(items.map(reportRow)),
      JSON.stringify(
        items.flatMap(({ report, attachments }) =>
          attachments.map((a) => ({
            id: a.id,
            report_id: report.id,
            filename: a.filename,
            media_type: a.mediaType,
            size_bytes: a.sizeBytes,
            sha256: a.sha256,
            content: a.content.toString('base64'),
          })),
        ),
      ),
      auditRecordset(items.flatMap((i) => i.auditTrail)),
    ],
  );
}

function reportRow({ report, createdBy }: NewReport) {
  const target = report.target;
  return {
    id: report.id,
    incident_id: report.incidentId,
    org_id: report.orgId,
    created_by: createdBy,
    channel: report.channel,
    received_at: ts(report.receivedAt),
    narrative: report.narrative,
    claimed_at: ts(report.claimedAt),
    time_precision_s: report.timePrecisionS,
    lon: report.location.lon,
    lat: report.location.lat,
    location_precision_m: report.locationPrecisionM,
    alleged_perpetrator: report.allegedPerpetrator,
    target_civilian: target !== null && 'civilian' in target ? target.civilian : null,
    target_actor: target !== null && 'actor' in target ? target.actor : null,
    act: report.act,
    casualties_low: report.casualties?.low ?? null,
    casualties_best: report.casualties?.best ?? null,
    casualties_high: report.casualties?.high ?? null,
    classification: report.classification,
    source: report.source,
  };
}

const coalescers = new WeakMap<Database, Coalescer<NewReport>>();

/**
 * Inserts outside any transaction, in one statement with the other reports being filed at the
 * same moment (see coalescer.ts): resolves when this report is committed. A report with
 * attachments (up to megabytes) goes alone, so as not to hold up the others.
 */
export function insertCoalesced(db: Database, item: NewReport): Promise<void> {
  if (item.attachments.length > 0) return insertMany(db, [item]);
  let coalescer = coalescers.get(db);
  if (!coalescer) {
    coalescer = new Coalescer((items) => insertMany(db, items));
    coalescers.set(db, coalescer);
  }
  return coalescer.add(item);
}

export async function getMany(sql: Sql, ids: readonly string[]): Promise<ReportRecord[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<ReportRow>(`${SELECT} where r.id = any($1)`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, toReport(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The accounts linked to an incident, in the order they were received. */
export async function listOfIncident(sql: Sql, incidentId: string): Promise<ReportRecord[]> {
  const rows = await sql.query<ReportRow>(`${SELECT} where r.incident_id = $1 order by r.received_at, r.id`, [
    incidentId,
  ]);
  return rows.map(toReport);
}

/**
 * The reports whose claimed time, give or take its precision, falls during `during` and whose place
 * lies in the box (a superset: the caller measures the distance), in the order received, at most `limit`.
 */
export async function listNear(sql: Sql, during: During, box: BBox, limit: number): Promise<ReportRecord[]> {
  const params = new Params();
  const rows = await sql.query<ReportRow>(
    `${SELECT} where r.claimed_at < ${params.add(ts(during.to))}::timestamptz + make_interval(secs => r.time_precision_s)
       and r.claimed_at >= ${params.add(ts(during.from))}::timestamptz - make_interval(secs => r.time_precision_s)
       and ${pointInBox(params, { lon: 'r.lon', lat: 'r.lat' }, box)}
     order by r.received_at, r.id limit ${params.add(limit)}`,
    params.values,
  );
  return rows.map(toReport);
}

/** Links reports to an incident, or unlinks them (null). */
export async function link(sql: Sql, reportIds: readonly string[], incidentId: string | null): Promise<void> {
  if (reportIds.length === 0) return;
  await sql.query('update reports set incident_id = $2 where id = any($1)', [reportIds, incidentId]);
}

/** Records an analyst's triage of a report, or clears it (null: back in the inbox). */
export async function triage(
  sql: Sql,
  id: string,
  t: { state: TriageState; reason: string | null; duplicateOf: string | null; by: string | null; at: Instant } | null,
): Promise<void> {
  await sql.query(
    `update reports set triage = $2, triage_reason = $3, duplicate_of = $4, triaged_by = $5, triaged_at = $6 where id = $1`,
    [id, t?.state ?? null, t?.reason ?? null, t?.duplicateOf ?? null, t?.by ?? null, t ? ts(t.at) : null],
  );
}

/** Records a report's source and an analyst's evaluation of it. */
export async function evaluate(sql: Sql, id: string, source: string | null, e: Evaluation | null): Promise<void> {
  await sql.query(
    `update reports set source = $2, source_reliability = $3, info_credibility = $4, evaluated_by = $5, evaluated_at = $6
     where id = $1`,
    [id, source, e?.reliability ?? null, e?.credibility ?? null, e?.by ?? null, e ? ts(e.at) : null],
  );
}

/** Locks reports against a concurrent link, as whoever runs it may see them; returns their current incident. */
export async function lockMany(sql: Sql, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await sql.query<{ id: string; incident_id: string | null }>(
    'select id, incident_id from reports where id = any($1) order by id for update',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.incident_id]));
}

const sortColumn = (sort: ReportSort) => (sort.endsWith('claimed_at') ? 'r.claimed_at' : 'r.received_at');

/** A report's position in a sorted list: its sort value and id (for the next page's cursor). */
export const cursor = (sort: ReportSort, r: ReportRecord): (string | number)[] => [
  new Date(sort.endsWith('claimed_at') ? r.claimedAt : r.receivedAt).toISOString(),
  r.id,
];

const PLACE = { lon: 'r.lon', lat: 'r.lat' };

function conditions(params: Params, f: ReportFilter): string[] {
  const c: string[] = [];
  if (f.from !== undefined) c.push(`r.claimed_at >= ${params.add(ts(f.from))}`);
  if (f.to !== undefined) c.push(`r.claimed_at < ${params.add(ts(f.to))}`);
  if (f.bbox) c.push(pointInBox(params, PLACE, f.bbox));
  if (f.area) c.push(pointInArea(params, PLACE, f.area));
  if (f.act) c.push(`r.act = ${params.add(f.act)}`);
  if (f.channel) c.push(`r.channel = ${params.add(f.channel)}`);
  if (f.actor) {
    const p = params.add(f.actor);
    c.push(`(r.alleged_perpetrator = ${p} or r.target_actor = ${p})`);
  }
  if (f.org) c.push(`r.org_id = ${params.add(f.org)}`);
  if (f.q) {
    const p = params.add(containing(f.q));
    c.push(`(r.narrative ilike ${p} or r.source ilike ${p})`);
  }
  if (f.linked !== undefined)
    c.push(
      f.linked
        ? 'exists (select 1 from incidents i where i.id = r.incident_id)'
        : // In no incident, as the inbox's partial index (migration 008) is written, so that it serves the inbox. A report
          // its organization filed that is linked to an incident the reader may not see is in neither list: it waits for no one.
          'r.incident_id is null',
    );
  if (f.triage !== undefined) c.push(f.triage === 'none' ? 'r.triage is null' : `r.triage = ${params.add(f.triage)}`);
  if (f.reliability) c.push(`r.source_reliability = any(${params.add(f.reliability)})`);
  if (f.credibility) c.push(`r.info_credibility = any(${params.add(f.credibility)})`);
  // Through incidents, so that a hidden incident's accounts cannot be found by its id.
  if (f.incidentId)
    c.push(
      `r.incident_id = ${params.add(f.incidentId)} and exists (select 1 from incidents i where i.id = r.incident_id)`,
    );
  return c;
}

/** One page of reports, sorted, after the cursor (the sort value as ISO time, and the id). */
export async function listPage(
  sql: Sql,
  filter: ReportFilter,
  sort: ReportSort,
  page: PageRequest,
): Promise<Page<ReportRecord>> {
  const params = new Params();
  const c = conditions(params, filter);
  const order = keyset(params, [sortColumn(sort), 'r.id'], sort.startsWith('-'), page);
  if (order.condition) c.push(order.condition);
  const rows = await sql.query<ReportRow>(`${SELECT} ${whereAll(c)} ${order.tail}`, params.values);
  return takePage(rows.map(toReport), page, (r) => cursor(sort, r));
}

/**
 * Reports whose narrative or source match the words (full text, English and Arabic: migrations 010
 * and 013), best first; a word found in more than `candidates` reports is ranked among that many
 * of them, as the index finds them.
 */
export async function search(
  sql: Sql,
  q: string,
  limit: number,
  candidates = SEARCH_CANDIDATES,
): Promise<ReportRecord[]> {
  const rows = await sql.query<ReportRow>(
    `${SELECT} join truce_search_reports($1, $3) s on s.id = r.id
     order by s.rank desc, r.received_at desc, r.id
     limit $2`,
    [q, limit, candidates],
  );
  return rows.map(toReport);
}

/** How many reports match, counted up to `upTo` rows when given (a list's count: contract/paging.ts). */
export async function count(sql: Sql, filter: ReportFilter, upTo?: number): Promise<number> {
  const params = new Params();
  const where = whereAll(conditions(params, filter));
  const limit = upTo === undefined ? '' : `limit ${params.add(upTo)}`;
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from (select from reports r ${where} ${limit}) matching`,
    params.values,
  );
  return row?.n ?? 0;
}

export interface StoredAttachment extends AttachmentMeta {
  content: Buffer;
}

export async function getAttachment(
  sql: Sql,
  reportId: string,
  attachmentId: string,
): Promise<StoredAttachment | null> {
  const [row] = await sql.query<{
    id: string;
    filename: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    content: Uint8Array;
  }>(
    'select id, filename, media_type, size_bytes, sha256, content from report_attachments where report_id = $1 and id = $2',
    [reportId, attachmentId],
  );
  if (!row) return null;
  return {
    id: row.id,
    filename: row.filename,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    content: Buffer.from(row.content),
  };
}
