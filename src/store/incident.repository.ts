/**
 * Incidents: what happened, where, when, by whom, to whom, and (for imported events) how
 * precisely that is known, the deaths and the source.
 */
import type { IncidentFilter, IncidentSort } from '../contract/lists.ts';
import type { Classification } from '../contract/access.ts';
import type { IncidentExportFields } from '../contract/incident-export.ts';
import type { AccessCategory } from '../contract/access-constraints.ts';
import type { AttributionGrade, IncidentStatus } from '../domain/assessment.ts';
import { UNJUDGED_RANK, VERDICT_RANK, type Verdict } from '../domain/findings.ts';
import type { BBox } from '../domain/geo.ts';
import type { Act, CivilianTarget, Incident } from '../domain/model.ts';
import type { Instant, Interval } from '../domain/time.ts';
import type { Sql } from './database.ts';
import {
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
import { ms, msOrNull, ts } from './rows.ts';

/** An incident with what an importer knows beyond the rules' needs. */
export interface IncidentRecord extends Incident {
  occurredUntil?: Instant | null;
  datePrecision?: number | null;
  locationPrecision?: number | null;
  place?: string | null;
  deaths?: { low: number; best: number; high: number; bySide: Record<string, number> } | null;
  sides?: string[];
  source?: string | null;
  sourceRef?: string | null;
  headline?: string | null;
}

interface IncidentRow {
  id: string;
  occurred_at: Date;
  lon: number;
  lat: number;
  act: Act;
  perpetrator: string | null;
  target_civilian: CivilianTarget | null;
  target_actor: string | null;
  self_defense_claim: boolean;
}

const COLUMNS = 'id, occurred_at, lon, lat, act, perpetrator, target_civilian, target_actor, self_defense_claim';

export const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  occurredAt: ms(r.occurred_at),
  location: { lon: r.lon, lat: r.lat },
  act: r.act,
  perpetrator: r.perpetrator,
  target: targetOf(r),
  selfDefenseClaim: r.self_defense_claim,
});

const targetOf = (r: IncidentRow): Incident['target'] =>
  r.target_civilian !== null
    ? { civilian: r.target_civilian }
    : r.target_actor !== null
      ? { actor: r.target_actor }
      : null;

export async function list(sql: Sql, ids?: readonly string[]): Promise<Incident[]> {
  const rows =
    ids === undefined
      ? await sql.query<IncidentRow>(`select ${COLUMNS} from incidents order by id`)
      : await sql.query<IncidentRow>(`select ${COLUMNS} from incidents where id = any($1) order by id`, [ids]);
  return rows.map(toIncident);
}

/** The incidents whose ids are from `first` to `last` in the database's order (a round of a re-judgement of all). */
export async function listBetween(sql: Sql, first: string, last: string): Promise<Incident[]> {
  const rows = await sql.query<IncidentRow>(
    `select ${COLUMNS} from incidents where id >= $1 and id <= $2 order by id`,
    [first, last],
  );
  return rows.map(toIncident);
}

/** Every incident's id, in the database's order (what a re-judgement of them all goes through in rounds). */
export async function ids(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ id: string }>('select id from incidents order by id');
  return rows.map((r) => r.id);
}

/** Ids of incidents located inside any of the boxes. */
export async function idsInBoxes(sql: Sql, boxes: readonly BBox[]): Promise<string[]> {
  if (boxes.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `select distinct i.id from incidents i, jsonb_to_recordset($1::jsonb) as b(x1 float8, y1 float8, x2 float8, y2 float8)
      where point(i.lon, i.lat) <@ box(point(b.x1, b.y1), point(b.x2, b.y2))`,
    [JSON.stringify(boxes.map(([x1, y1, x2, y2]) => ({ x1, y1, x2, y2 })))],
  );
  return rows.map((r) => r.id);
}

/** Ids of incidents that occurred within any of the intervals (only those claiming self-defence, when asked). */
export async function idsDuring(
  sql: Sql,
  intervals: readonly Interval[],
  only: { selfDefenseClaim?: true } = {},
): Promise<string[]> {
  if (intervals.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `select distinct i.id from incidents i, jsonb_to_recordset($1::jsonb) as w(f timestamptz, t timestamptz)
      where i.occurred_at >= w.f and (w.t is null or i.occurred_at < w.t)${only.selfDefenseClaim ? ' and i.self_defense_claim' : ''}`,
    [JSON.stringify(intervals.map((w) => ({ f: ts(w.from), t: ts(w.to) })))],
  );
  return rows.map((r) => r.id);
}

/** Ids of incidents naming the actor as perpetrator or target. */
export async function idsInvolving(sql: Sql, actors: readonly string[]): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    'select id from incidents where perpetrator = any($1) or target_actor = any($1)',
    [actors],
  );
  return rows.map((r) => r.id);
}

/** What the database keeps on each incident about its findings (migration 005). */
export interface VerdictSummary {
  /** The most serious verdict's rank; UNJUDGED_RANK without a finding. */
  worstRank: number;
  /** The distinct agreements the findings judge under, sorted. */
  agreements: readonly string[];
  /** The distinct zones the findings rest on (migration 007), sorted. */
  zones: readonly string[];
  /** Whether a finding waits for review (migration 016). */
  needsReview: boolean;
  /** Each finding's agreement and verdict, by agreement (code unit order), the one under none first (migration 040). */
  verdicts: readonly { agreement: string | null; verdict: Verdict }[];
}

const NO_FINDINGS: VerdictSummary = {
  worstRank: UNJUDGED_RANK,
  agreements: [],
  zones: [],
  needsReview: false,
  verdicts: [],
};

/**
 * The summary the findings triggers would compute from these findings. The agreements are sorted
 * by code unit, which is the trigger's "C" collation order for the ASCII ids agreements have.
 */
export function verdictSummary(findings: readonly SummarizedFinding[]): VerdictSummary {
  const agreements = new Set<string>();
  const zones = new Set<string>();
  let worstRank = UNJUDGED_RANK;
  let needsReview = false;
  for (const f of findings) {
    worstRank = Math.min(worstRank, VERDICT_RANK[f.verdict]);
    needsReview ||= f.verdict === 'needs_review';
    if (f.agreement !== null) agreements.add(f.agreement);
    for (const z of f.restsOnZones) zones.add(z);
  }
  return {
    worstRank,
    agreements: [...agreements].sort(),
    zones: zones.size === 0 ? [] : [...zones].sort(),
    needsReview,
    verdicts: findings
      .map((f) => ({ agreement: f.agreement, verdict: f.verdict }))
      .sort((a, b) => agreementOrder(a.agreement, b.agreement)),
  };
}

/** The trigger's order of agreements: none first, then by code unit (the "C" collation). */
const agreementOrder = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

/** What the summary reads of a finding. */
export type SummarizedFinding = { verdict: Verdict; agreement: string | null; restsOnZones: readonly string[] };

const recordJson = (i: IncidentRecord, summary = NO_FINDINGS) => ({
  id: i.id,
  occurred_at: ts(i.occurredAt),
  occurred_until: ts(i.occurredUntil ?? null),
  date_precision: i.datePrecision ?? null,
  lon: i.location.lon,
  lat: i.location.lat,
  location_precision: i.locationPrecision ?? null,
  place: i.place ?? null,
  act: i.act,
  perpetrator: i.perpetrator,
  target_civilian: i.target !== null && 'civilian' in i.target ? i.target.civilian : null,
  target_actor: i.target !== null && 'actor' in i.target ? i.target.actor : null,
  self_defense_claim: i.selfDefenseClaim,
  deaths_low: i.deaths?.low ?? null,
  deaths_best: i.deaths?.best ?? null,
  deaths_high: i.deaths?.high ?? null,
  deaths: i.deaths?.bySide ?? null,
  sides: i.sides ?? [],
  source: i.source ?? null,
  source_ref: i.sourceRef ?? null,
  headline: i.headline ?? null,
  worst_rank: summary.worstRank,
  verdict_agreements: summary.agreements,
  verdict_zones: summary.zones,
  needs_review: summary.needsReview,
  verdicts: summary.verdicts,
});

const RECORDSET = `jsonb_to_recordset($1::jsonb) as r(
  id text, occurred_at timestamptz, occurred_until timestamptz, date_precision smallint, lon float8, lat float8,
  location_precision smallint, place text, act text, perpetrator text, target_civilian text, target_actor text,
  self_defense_claim boolean, deaths_low int, deaths_best int, deaths_high int, deaths jsonb, sides jsonb,
  source text, source_ref text, headline text, worst_rank smallint, verdict_agreements jsonb, verdict_zones jsonb,
  needs_review boolean, verdicts jsonb)`;

// The summary is written only on insert: an incident replaced by upsert keeps the one its
// findings gave it.
const INSERT = `insert into incidents (id, occurred_at, occurred_until, date_precision, lon, lat, location_precision, place,
    act, perpetrator, target_civilian, target_actor, self_defense_claim, deaths_low, deaths_best, deaths_high, deaths,
    sides, source, source_ref, headline, worst_rank, verdict_agreements, verdict_zones, needs_review, verdicts)
  select r.id, r.occurred_at, r.occurred_until, r.date_precision, r.lon, r.lat, r.location_precision, r.place,
    r.act, r.perpetrator, r.target_civilian, r.target_actor, r.self_defense_claim, r.deaths_low, r.deaths_best,
    r.deaths_high, r.deaths, array(select jsonb_array_elements_text(r.sides)), r.source, r.source_ref, r.headline,
    r.worst_rank, array(select jsonb_array_elements_text(r.verdict_agreements)), array(select jsonb_array_elements_text(r.verdict_zones)),
    r.needs_review, r.verdicts
  from ${RECORDSET}`;

/** The same, each under the classification ($2) and owning organization ($3) given. */
const INSERT_WITH_ACCESS = INSERT.replace('verdicts)', 'verdicts, classification, owner_org)').replace(
  'r.verdicts\n  from',
  'r.verdicts, $2::text, $3::text\n  from',
);

/**
 * Inserts incidents whose id is new; returns the ids that were inserted. An importer that is
 * about to insert their findings gives them here: each incident is then stored with the summary
 * those findings give it, and the findings' trigger has no row to write again.
 */
export async function insertNew(
  sql: Sql,
  incidents: readonly IncidentRecord[],
  findings?: ReadonlyMap<string, readonly SummarizedFinding[]>,
  /** Their classification and owning organization (by default public, owned by no one). */
  access: { classification: Classification; ownerOrg: string | null } = { classification: 'public', ownerOrg: null },
): Promise<string[]> {
  if (incidents.length === 0) return [];
  const json = JSON.stringify(incidents.map((i) => recordJson(i, verdictSummary(findings?.get(i.id) ?? []))));
  const rows = await sql.query<{ id: string }>(`${INSERT_WITH_ACCESS} on conflict do nothing returning id`, [
    json,
    access.classification,
    access.ownerOrg,
  ]);
  return rows.map((r) => r.id);
}

/** Inserts or replaces incidents by id (the facts the rules read, and the rest). */
export async function upsert(sql: Sql, incidents: readonly IncidentRecord[]): Promise<void> {
  if (incidents.length === 0) return;
  await sql.query(
    `${INSERT} on conflict (id) do update set occurred_at = excluded.occurred_at, occurred_until = excluded.occurred_until,
       date_precision = excluded.date_precision, lon = excluded.lon, lat = excluded.lat,
       location_precision = excluded.location_precision, place = excluded.place, act = excluded.act,
       perpetrator = excluded.perpetrator, target_civilian = excluded.target_civilian, target_actor = excluded.target_actor,
       self_defense_claim = excluded.self_defense_claim, deaths_low = excluded.deaths_low, deaths_best = excluded.deaths_best,
       deaths_high = excluded.deaths_high, deaths = excluded.deaths, sides = excluded.sides, source = excluded.source,
       source_ref = excluded.source_ref, headline = excluded.headline`,
    [JSON.stringify(incidents.map((i) => recordJson(i)))],
  );
}

// ---- Incidents as the API shows them: with status, grade, classification, their accounts' count
// and current verdicts; filtered lists with keyset pages; single writes by hand.

export interface IncidentView extends IncidentRecord {
  accessCategory: AccessCategory | null;
  status: IncidentStatus;
  grade: AttributionGrade | null;
  classification: Classification;
  ownerOrg: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  /** The linked reports the reader may see. */
  reportCount: number;
  /** The current finding under each agreement. */
  verdicts: { agreement: string | null; verdict: Verdict }[];
}

interface IncidentViewRow extends IncidentRow {
  occurred_until: Date | null;
  date_precision: number | null;
  location_precision: number | null;
  place: string | null;
  deaths_low: number | null;
  deaths_best: number | null;
  deaths_high: number | null;
  deaths: Record<string, number> | null;
  sides: string[];
  source: string | null;
  source_ref: string | null;
  headline: string | null;
  access_category: AccessCategory | null;
  status: IncidentStatus;
  grade: AttributionGrade | null;
  classification: Classification;
  owner_org: string | null;
  created_at: Date;
  updated_at: Date;
  report_count: number;
  verdicts: { agreement: string | null; verdict: Verdict }[];
}

/**
 * Whether the verdict summary kept on an incident (migrations 005, 007, 016, 040) holds for the
 * reader: they may see every agreement it was judged under and every zone its findings rest on
 * (row-level security decides which the subqueries return), so every finding of it. Otherwise
 * only the findings the reader may see count. The zones are looked up in a hash of those the
 * reader sees, built once a query: `verdict_zones <@ array_agg(zones)` took some 40 µs a row
 * with 2,000 zones (each test reads the whole array again).
 */
export const SUMMARY_HOLDS = `(i.verdict_agreements <@ (select coalesce(array_agg(g.id), '{}') from agreements g)
    and (i.verdict_zones = '{}' or not exists (select from unnest(i.verdict_zones) v(id) where v.id not in (select z.id from zones z))))`;

/**
 * An incident's verdicts per agreement as the reader may see them: those kept on the incident
 * (migration 040) when the summary holds for the reader, else its findings read under row-level
 * security (each finding's policy cost as much as the rest of an exported row).
 */
const VERDICTS = `case when ${SUMMARY_HOLDS} then i.verdicts else coalesce((select jsonb_agg(jsonb_build_object('agreement', f.agreement_id, 'verdict', coalesce(f.ruled_verdict, f.verdict)) order by f.agreement_id collate "C" nulls first)
      from findings f where f.kind = 'incident' and f.subject_id = i.id), '[]'::jsonb) end`;

const VIEW = `select i.id, i.occurred_at, i.occurred_until, i.date_precision, i.lon, i.lat, i.location_precision, i.place, i.act,
    i.perpetrator, i.target_civilian, i.target_actor, i.self_defense_claim, i.deaths_low, i.deaths_best, i.deaths_high, i.deaths,
    i.sides, i.source, i.source_ref, i.headline, i.access_category, i.status, i.grade, i.classification, i.owner_org, i.created_at, i.updated_at,
    (select count(*)::int from reports r where r.incident_id = i.id) as report_count,
    ${VERDICTS} as verdicts
  from incidents i`;

// Every field written out: a leading spread followed by many properties costs V8 (Node 20) some
// 15 µs an object, which was most of the server's time listing incidents.
const toView = (r: IncidentViewRow): IncidentView => ({
  id: r.id,
  occurredAt: ms(r.occurred_at),
  location: { lon: r.lon, lat: r.lat },
  act: r.act,
  perpetrator: r.perpetrator,
  target: targetOf(r),
  selfDefenseClaim: r.self_defense_claim,
  occurredUntil: msOrNull(r.occurred_until),
  datePrecision: r.date_precision,
  locationPrecision: r.location_precision,
  place: r.place,
  // A toll is shown by its best estimate; without one there is no toll to show (or sort by).
  deaths:
    r.deaths_best === null
      ? null
      : {
          low: r.deaths_low ?? r.deaths_best,
          best: r.deaths_best,
          high: r.deaths_high ?? r.deaths_best,
          bySide: r.deaths ?? {},
        },
  sides: r.sides,
  source: r.source,
  sourceRef: r.source_ref,
  headline: r.headline,
  accessCategory: r.access_category,
  status: r.status,
  grade: r.grade,
  classification: r.classification,
  ownerOrg: r.owner_org,
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
  reportCount: r.report_count,
  verdicts: r.verdicts,
});

export async function getMany(sql: Sql, ids: readonly string[]): Promise<IncidentView[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<IncidentViewRow>(`${VIEW} where i.id = any($1)`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, toView(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Locks an incident against concurrent changes; false when it is not there (or not visible). */
export async function lock(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query('select id from incidents where id = $1 for update', [id])).length > 0;
}

const sortColumn = (sort: IncidentSort) => (sort.endsWith('deaths') ? 'coalesce(i.deaths_best, -1)' : 'i.occurred_at');

/** An incident's position in a sorted list: its sort value and id (for the next page's cursor). */
export const cursor = (sort: IncidentSort, i: IncidentView): (string | number)[] => [
  sort.endsWith('deaths') ? (i.deaths?.best ?? -1) : new Date(i.occurredAt).toISOString(),
  i.id,
];

const PLACE = { lon: 'i.lon', lat: 'i.lat' };
const inBox = (params: Params, box: BBox, indexed = true) => pointInBox(params, PLACE, box, indexed);

/**
 * The filter's conditions. `placeIndexed` false for a sorted page: the review queue's index by
 * place (migration 016) then serves only counts. Given a governorate, the planner, which cannot
 * tell how much of its box the governorate fills, read every incident of Aleppo's box through it
 * and sorted them (2-3 s at a million) rather than walk the time index to the page's end.
 */
function incidentConditions(params: Params, f: IncidentFilter, placeIndexed = true): string[] {
  const c: string[] = [];
  if (f.from !== undefined) c.push(`i.occurred_at >= ${params.add(ts(f.from))}`);
  if (f.to !== undefined) c.push(`i.occurred_at < ${params.add(ts(f.to))}`);
  if (f.bbox) c.push(inBox(params, f.bbox, placeIndexed));
  if (f.area) c.push(pointInArea(params, PLACE, f.area, placeIndexed));
  if (f.actor) {
    const p = params.add(f.actor);
    c.push(`(i.perpetrator = ${p} or i.target_actor = ${p})`);
  }
  if (f.act) c.push(`i.act = ${params.add(f.act)}`);
  if (f.verdict) {
    const has = `exists (select 1 from findings f where f.kind = 'incident' and f.subject_id = i.id and coalesce(f.ruled_verdict, f.verdict) = ${params.add(f.verdict)})`;
    // The review queue reads the flag the summary keeps (migration 016), and the findings only where the summary does not hold for this reader.
    c.push(f.verdict === 'needs_review' ? `i.needs_review and (${SUMMARY_HOLDS} or ${has})` : has);
  }
  if (f.status) c.push(`i.status = ${params.add(f.status)}`);
  if (f.grade) c.push(`i.grade = ${params.add(f.grade)}`);
  if (f.classification) c.push(`i.classification = ${params.add(f.classification)}`);
  if (f.ids) c.push(`i.id = any(${params.add(f.ids)})`);
  if (f.q) {
    const p = params.add(containing(f.q));
    c.push(
      `(i.place ilike ${p} or i.headline ilike ${p} or exists (select 1 from reports r where r.incident_id = i.id and r.narrative ilike ${p}))`,
    );
  }
  return c;
}

/** One page of incidents, sorted, after the cursor (the sort value, ISO time or deaths, and the id). */
export async function listPage(
  sql: Sql,
  filter: IncidentFilter,
  sort: IncidentSort,
  page: PageRequest,
): Promise<Page<IncidentView>> {
  const params = new Params();
  const c = incidentConditions(params, filter, false);
  const order = keyset(params, [sortColumn(sort), 'i.id'], sort.startsWith('-'), page);
  if (order.condition) c.push(order.condition);
  const rows = await sql.query<IncidentViewRow>(`${VIEW} ${whereAll(c)} ${order.tail}`, params.values);
  return takePage(rows.map(toView), page, (i) => cursor(sort, i));
}

/** Removes an incident (its findings and accounts moved or withdrawn first: merge-incidents.ts). */
export async function remove(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from incidents where id = $1', [id]);
}

/**
 * Incidents whose headline or place match the words (full text, English and Arabic: migrations 010
 * and 013), best first; a word found in more than `candidates` incidents is ranked among that many
 * of them, as the index finds them.
 */
export async function search(
  sql: Sql,
  q: string,
  limit: number,
  candidates = SEARCH_CANDIDATES,
): Promise<IncidentView[]> {
  const rows = await sql.query<IncidentViewRow>(
    `${VIEW} join truce_search_incidents($1, $3) s on s.id = i.id
     order by s.rank desc, i.occurred_at desc, i.id
     limit $2`,
    [q, limit, candidates],
  );
  return rows.map(toView);
}

/** How many incidents match, counted up to `upTo` rows when given (a list's count: contract/paging.ts). */
export async function count(sql: Sql, filter: IncidentFilter = {}, upTo?: number): Promise<number> {
  const params = new Params();
  const where = whereAll(incidentConditions(params, filter));
  const limit = upTo === undefined ? '' : `limit ${params.add(upTo)}`;
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from (select from incidents i ${where} ${limit}) matching`,
    params.values,
  );
  return row?.n ?? 0;
}

/** Incidents whose window comes within the interval and whose place lies in the box (suggestion candidates). */
export async function listNear(
  sql: Sql,
  during: { from: Instant; to: Instant },
  box: BBox,
  limit: number,
): Promise<IncidentView[]> {
  const params = new Params();
  const rows = await sql.query<IncidentViewRow>(
    `${VIEW} where i.occurred_at <= ${params.add(ts(during.to))} and coalesce(i.occurred_until, i.occurred_at) >= ${params.add(ts(during.from))}
       and ${inBox(params, box)} order by i.occurred_at, i.id limit ${params.add(limit)}`,
    params.values,
  );
  return rows.map(toView);
}

/** What a person may set on an incident: its facts and how it stands. */
export interface IncidentWrite extends IncidentRecord {
  /** An access constraint's kind, for an incident of act access_denial (migration 027). */
  accessCategory?: AccessCategory | null;
  status: IncidentStatus;
  grade: AttributionGrade | null;
  classification: Classification;
  ownerOrg: string | null;
}

const writeParams = (i: IncidentWrite, at: Instant) => {
  const r = recordJson(i);
  return [
    r.id,
    r.occurred_at,
    r.occurred_until,
    r.date_precision,
    r.lon,
    r.lat,
    r.location_precision,
    r.place,
    r.act,
    r.perpetrator,
    r.target_civilian,
    r.target_actor,
    r.self_defense_claim,
    r.deaths_low,
    r.deaths_best,
    r.deaths_high,
    r.deaths ? JSON.stringify(r.deaths) : null,
    r.sides,
    r.source,
    r.source_ref,
    r.headline,
    i.status,
    i.grade,
    i.classification,
    i.ownerOrg,
    ts(at),
    i.accessCategory ?? null,
  ];
};

export async function insert(sql: Sql, incident: IncidentWrite, at: Instant): Promise<void> {
  await sql.query(
    `insert into incidents (id, occurred_at, occurred_until, date_precision, lon, lat, location_precision, place, act, perpetrator,
       target_civilian, target_actor, self_defense_claim, deaths_low, deaths_best, deaths_high, deaths, sides, source, source_ref,
       headline, status, grade, classification, owner_org, created_at, updated_at, access_category)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::text::jsonb, $18, $19, $20, $21, $22, $23, $24, $25, $26, $26, $27)`,
    writeParams(incident, at),
  );
}

export async function update(sql: Sql, incident: IncidentWrite, at: Instant): Promise<void> {
  await sql.query(
    `update incidents set occurred_at = $2, occurred_until = $3, date_precision = $4, lon = $5, lat = $6, location_precision = $7,
       place = $8, act = $9, perpetrator = $10, target_civilian = $11, target_actor = $12, self_defense_claim = $13, deaths_low = $14,
       deaths_best = $15, deaths_high = $16, deaths = $17::text::jsonb, sides = $18, source = $19, source_ref = $20, headline = $21, status = $22,
       grade = $23, classification = $24, owner_org = $25, updated_at = $26, access_category = $27
     where id = $1`,
    writeParams(incident, at),
  );
}

// ---- Incidents as exports write them (app/exports): a page at a time, in the list's order, with
// the names of the actors they name; each page read as the reader, so row-level security decides.

/** An incident as an export writes it (contract/incident-export.ts), with its place in the list's order. */
export interface IncidentExportRow extends IncidentExportFields {
  /** The sort key of the row, for the next page. */
  sort_key: string | number;
}

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

// The list's columns less what only the list shows (its accounts' count), the actors' names joined,
// the instants formatted by PostgreSQL: the driver then parses no date and no JSON but the verdicts.
const EXPORT_VIEW = `select i.id, to_char(i.occurred_at at time zone 'UTC', ${ISO_MS}) as occurred_at,
    to_char(i.occurred_until at time zone 'UTC', ${ISO_MS}) as occurred_until, i.date_precision, i.lon, i.lat,
    i.location_precision, i.place, i.headline, i.act, i.perpetrator, p.name as perpetrator_name,
    p.name_ar as perpetrator_name_ar, p.kind as perpetrator_kind, i.target_civilian, i.target_actor,
    t.name as target_name, t.name_ar as target_name_ar, t.kind as target_kind, i.self_defense_claim,
    i.deaths_low, i.deaths_best, i.deaths_high, i.source, i.source_ref, i.status, i.grade, i.classification, i.owner_org,
    ${VERDICTS} as verdicts`;

/**
 * One page of incidents to export, in the list's order after the cursor (the sort value, the time
 * as ISO text or the deaths, and the id). Each row carries its sort value in `sort_key`.
 */
export async function listExportPage(
  sql: Sql,
  filter: IncidentFilter,
  sort: IncidentSort,
  page: PageRequest,
): Promise<Page<IncidentExportRow>> {
  const params = new Params();
  const c = incidentConditions(params, filter, false);
  const byDeaths = sort.endsWith('deaths');
  // The cursor's time is the ISO text of an earlier row: compared as a timestamp.
  const column = byDeaths ? sortColumn(sort) : 'i.occurred_at';
  const order = keyset(params, [column, 'i.id'], sort.startsWith('-'), page);
  if (order.condition)
    c.push(byDeaths ? order.condition : order.condition.replace(/\) ([<>]) \((\$\d+)/, ') $1 ($2::timestamptz'));
  const rows = await sql.query<IncidentExportRow>(
    `${EXPORT_VIEW}, ${byDeaths ? column : `to_char(i.occurred_at at time zone 'UTC', ${ISO_MS})`} as sort_key
     from incidents i left join actors p on p.id = i.perpetrator left join actors t on t.id = i.target_actor
     ${whereAll(c)} ${order.tail}`,
    params.values,
  );
  return takePage(rows, page, (r) => [r.sort_key, r.id]);
}
