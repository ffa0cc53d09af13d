/**
 * The daily report's reads (docs/daily-report.md): what happened on one local day, read as the
 * report's reader (row-level security), each in a window of instants so that every query reads an
 * index by time (`incidents_occurred_at_id`, `findings_at`, the hotline's and convoys' own) and
 * never the whole table. Names are read beside the records so that the report names, in English
 * and Arabic, what it shows.
 */
import type { BBox, Geometry, Position } from '../domain/geo.ts';
import { ms, msOrNull, ts } from './rows.ts';
import type { Sql } from './sql.ts';

export interface DayWindow {
  from: number;
  to: number;
  /** Only what lies in this box (the chosen area's or the one drawn); null: everywhere. */
  bbox: BBox | null;
}

const boxArgs = (b: BBox | null) => (b ? [b[0], b[1], b[2], b[3]] : [null, null, null, null]);

export interface DayIncident {
  id: string;
  at: number;
  lon: number;
  lat: number;
  act: string;
  headline: string | null;
  perpetrator: string | null;
  deathsBest: number | null;
  /** Known only to the day or more (UCDP's date_prec), null when its time of day is known. */
  datePrecision: number | null;
  /** 0 violation, 1 needs review, 2 permitted, 3 not covered, 5 unjudged: from the findings the reader sees. */
  rank: number;
}

/**
 * The incidents of the window, worst first (by the findings the reader sees, then deaths), at most
 * `limit`. The rank is computed from the reader's findings, not the stored summary: the summary may
 * rest on findings hidden from this reader.
 */
export async function incidents(sql: Sql, w: DayWindow, limit: number): Promise<DayIncident[]> {
  const rows = await sql.query<{
    id: string;
    occurred_at: Date;
    lon: number;
    lat: number;
    act: string;
    headline: string | null;
    perpetrator: string | null;
    deaths_best: number | null;
    date_precision: number | null;
    rank: number;
  }>(
    `select i.id, i.occurred_at, i.lon, i.lat, i.act, i.headline, i.perpetrator, i.deaths_best, i.date_precision,
            coalesce((select min(case coalesce(f.ruled_verdict, f.verdict) when 'violation' then 0 when 'needs_review' then 1
                                   when 'permitted' then 2 else 3 end)
                        from findings f where f.kind = 'incident' and f.subject_id = i.id), 5)::int as rank
       from incidents i
      where i.occurred_at >= $1 and i.occurred_at < $2
        and ($3::float8 is null or (i.lon between $3 and $5 and i.lat between $4 and $6))
      order by rank, coalesce(i.deaths_best, -1) desc, i.occurred_at, i.id
      limit $7`,
    [ts(w.from), ts(w.to), ...boxArgs(w.bbox), limit],
  );
  return rows.map((r) => ({
    id: r.id,
    at: ms(r.occurred_at),
    lon: r.lon,
    lat: r.lat,
    act: r.act,
    headline: r.headline,
    perpetrator: r.perpetrator,
    deathsBest: r.deaths_best,
    datePrecision: r.date_precision,
    rank: r.rank,
  }));
}

export interface DayFinding {
  incident: string;
  agreement: string | null;
  /** The verdict in force: the ruling's when one is in force, else the rules'. */
  verdict: string;
  violators: string[];
  /** The rules' own verdict, when a ruling in force stands beside it. */
  automaticVerdict: string | null;
  ruling: { id: string; inForceAt: number | null } | null;
}

/** The findings of these incidents the reader sees, with the ruling in force beside each (when the reader sees it). */
export async function findingsOf(sql: Sql, incidentIds: readonly string[]): Promise<DayFinding[]> {
  if (incidentIds.length === 0) return [];
  const rows = await sql.query<{
    subject_id: string;
    agreement_id: string | null;
    verdict: string;
    violators: string[];
    automatic: string | null;
    ruling_id: string | null;
    in_force_at: Date | null;
  }>(
    `select f.subject_id, f.agreement_id, coalesce(f.ruled_verdict, f.verdict) as verdict,
            coalesce(f.ruled_violators, f.violators) as violators,
            case when f.ruled_verdict is not null then f.verdict end as automatic,
            r.id as ruling_id, r.in_force_at
       from findings f
       left join rulings r on r.id = f.ruling_id and r.status = 'in_force'
      where f.kind = 'incident' and f.subject_id = any($1::text[])
      order by f.subject_id, f.agreement_id nulls last`,
    [incidentIds],
  );
  return rows.map((r) => ({
    incident: r.subject_id,
    agreement: r.agreement_id,
    verdict: r.verdict,
    violators: r.violators,
    automaticVerdict: r.automatic,
    ruling: r.ruling_id ? { id: r.ruling_id, inForceAt: msOrNull(r.in_force_at) } : null,
  }));
}

/** How many incidents the window holds for the reader in the area (a test of a place). */
export async function countIncidents(sql: Sql, w: DayWindow, inArea: (p: Position) => boolean): Promise<number> {
  const rows = await sql.query<{ lon: number; lat: number }>(
    `select i.lon, i.lat from incidents i
      where i.occurred_at >= $1 and i.occurred_at < $2
        and ($3::float8 is null or (i.lon between $3 and $5 and i.lat between $4 and $6))`,
    [ts(w.from), ts(w.to), ...boxArgs(w.bbox)],
  );
  return rows.reduce((n, r) => (inArea([r.lon, r.lat]) ? n + 1 : n), 0);
}

export interface DayConflict {
  id: string;
  at: number;
  targetKind: string;
  clearanceM: number;
  notified: boolean;
  /** The operation's actor and kind, when the reader sees the operation. */
  actor: string | null;
  operationKind: string | null;
  targetOwnerOrg: string | null;
  /** Where the operation is (its area and reach), when the reader sees the operation. */
  operationArea: Geometry | null;
  operationRadiusM: number;
}

/** Operation notices found in conflict with a site, a movement or a position during the window (docs/deconfliction.md). */
export async function conflicts(sql: Sql, w: DayWindow): Promise<DayConflict[]> {
  const rows = await sql.query<{
    id: string;
    computed_at: Date;
    target_kind: string;
    clearance_m: number;
    notified: boolean;
    actor: string | null;
    kind: string | null;
    target_owner_org: string | null;
    area: Geometry | null;
    radius_m: number | null;
  }>(
    `select c.id, c.computed_at, c.target_kind, c.clearance_m, c.notified, o.actor, o.kind, c.target_owner_org,
            o.area, o.radius_m
       from operation_conflicts c
       left join operations o on o.id = c.operation_id
      where c.computed_at >= $1 and c.computed_at < $2
      order by c.computed_at, c.id
      limit 200`,
    [ts(w.from), ts(w.to)],
  );
  return rows.map((r) => ({
    id: r.id,
    at: ms(r.computed_at),
    targetKind: r.target_kind,
    clearanceM: r.clearance_m,
    notified: r.notified,
    actor: r.actor,
    operationKind: r.kind,
    targetOwnerOrg: r.target_owner_org,
    operationArea: r.area,
    operationRadiusM: r.radius_m ?? 0,
  }));
}

export interface DayEscalation {
  thread: string;
  subject: string;
  priority: string;
  openedByOrg: string;
  level: 1 | 2;
  at: number;
  /** Where the thread is about, when it says. */
  lon: number | null;
  lat: number | null;
}

/** Hotline threads escalated to the secretariat during the window (docs/hotline.md). */
export async function escalations(sql: Sql, w: DayWindow): Promise<DayEscalation[]> {
  const rows = await sql.query<{
    id: string;
    subject: string;
    priority: string;
    opened_by_org: string;
    level: number;
    at: Date;
    lon: number | null;
    lat: number | null;
  }>(
    `select t.id, t.subject, t.priority, t.opened_by_org, e.level, e.at, t.lon, t.lat
       from hotline_threads t
       cross join lateral (values (1, t.escalated_at), (2, t.escalated_again_at)) as e (level, at)
      where (t.escalated_at >= $1 and t.escalated_at < $2 or t.escalated_again_at >= $1 and t.escalated_again_at < $2)
        and e.at >= $1 and e.at < $2
        and ($3::float8 is null or t.lon is null or (t.lon between $3 and $5 and t.lat between $4 and $6))
      order by e.at, t.id
      limit 200`,
    [ts(w.from), ts(w.to), ...boxArgs(w.bbox)],
  );
  return rows.map((r) => ({
    thread: r.id,
    subject: r.subject,
    priority: r.priority,
    openedByOrg: r.opened_by_org,
    level: r.level === 2 ? 2 : 1,
    at: ms(r.at),
    lon: r.lon,
    lat: r.lat,
  }));
}

export interface DayConvoy {
  id: string;
  name: string;
  organizerOrg: string;
  state: string;
  windowFrom: number;
  windowTo: number;
  beneficiariesPlanned: number;
  beneficiariesReached: number | null;
  /** When it was delivered, if during the window. */
  deliveredAt: number | null;
  /** Its route, a LineString from the start to the last destination. */
  route: Geometry;
}

/**
 * Convoy requests (docs/access.md) planned to move during the window (submitted, not drafts) and
 * those delivered during it, whose route's box meets the area's.
 */
export async function convoys(sql: Sql, w: DayWindow): Promise<DayConvoy[]> {
  const rows = await sql.query<{
    id: string;
    name: string;
    organizer_org: string;
    state: string;
    window_from: Date;
    window_to: Date;
    beneficiaries_planned: number;
    beneficiaries_reached: number | null;
    delivered_at: Date | null;
    route: Geometry;
  }>(
    `select c.id, c.name, c.organizer_org, c.state, c.window_from, c.window_to, c.beneficiaries_planned,
            c.beneficiaries_reached, d.at as delivered_at, c.route
       from convoy_requests c
       left join lateral (select s.at from convoy_requests_steps s
                           where s.request_id = c.id and s.step = 'deliver' and s.at >= $1 and s.at < $2
                           order by s.at limit 1) d on true
      where c.state <> 'draft'
        and (c.window_from < $2 and c.window_to > $1 or d.at is not null)
        and ($3::float8 is null or (c.max_lon >= $3 and c.min_lon <= $5 and c.max_lat >= $4 and c.min_lat <= $6))
      order by c.window_from, c.id
      limit 200`,
    [ts(w.from), ts(w.to), ...boxArgs(w.bbox)],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organizerOrg: r.organizer_org,
    state: r.state,
    windowFrom: ms(r.window_from),
    windowTo: ms(r.window_to),
    beneficiariesPlanned: r.beneficiaries_planned,
    beneficiariesReached: r.beneficiaries_reached,
    deliveredAt: msOrNull(r.delivered_at),
    route: r.route,
  }));
}

export interface Names {
  actors: Map<string, { en: string; ar: string | null }>;
  agreements: Map<string, { en: string; ar: string | null }>;
  orgs: Map<string, { en: string; ar: string | null }>;
}

/** The names, in English and Arabic, of the actors, agreements and organizations the reader sees. */
export async function names(sql: Sql): Promise<Names> {
  type Row = { id: string; name: string; name_ar: string | null };
  const actors = await sql.query<Row>('select id, name, name_ar from actors');
  const agreements = await sql.query<Row>(
    `select id, coalesce(nullif(title, ''), id) as name, title_ar as name_ar from agreements`,
  );
  const orgs = await sql.query<Row>('select id, name, name_ar from organizations');
  const map = (rows: Row[]) => new Map(rows.map((r) => [r.id, { en: r.name, ar: r.name_ar }]));
  return { actors: map(actors), agreements: map(agreements), orgs: map(orgs) };
}
