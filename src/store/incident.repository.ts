/**
 * Incidents: what happened, where, when, by whom, to whom, and (for imported events) how
 * precisely that is known, the deaths and the source.
 */
import type { BBox } from '../domain/geo.ts';
import type { Act, CivilianTarget, Incident } from '../domain/model.ts';
import type { Instant, Interval } from '../domain/time.ts';
import type { Sql } from './database.ts';
import { ms, ts } from './rows.ts';

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
  target: r.target_civilian !== null ? { civilian: r.target_civilian } : r.target_actor !== null ? { actor: r.target_actor } : null,
  selfDefenseClaim: r.self_defense_claim,
});

export async function listIncidents(sql: Sql, ids?: readonly string[]): Promise<Incident[]> {
  const rows = ids === undefined
    ? await sql.query<IncidentRow>(`select ${COLUMNS} from incidents order by id`)
    : await sql.query<IncidentRow>(`select ${COLUMNS} from incidents where id = any($1) order by id`, [ids]);
  return rows.map(toIncident);
}

/** Ids of incidents located inside any of the boxes. */
export async function incidentIdsInBoxes(sql: Sql, boxes: readonly BBox[]): Promise<string[]> {
  if (boxes.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `select distinct i.id from incidents i, jsonb_to_recordset($1::jsonb) as b(x1 float8, y1 float8, x2 float8, y2 float8)
      where point(i.lon, i.lat) <@ box(point(b.x1, b.y1), point(b.x2, b.y2))`,
    [JSON.stringify(boxes.map(([x1, y1, x2, y2]) => ({ x1, y1, x2, y2 })))],
  );
  return rows.map((r) => r.id);
}

/** Ids of incidents that occurred within any of the intervals. */
export async function incidentIdsDuring(sql: Sql, intervals: readonly Interval[]): Promise<string[]> {
  if (intervals.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `select distinct i.id from incidents i, jsonb_to_recordset($1::jsonb) as w(f timestamptz, t timestamptz)
      where i.occurred_at >= w.f and (w.t is null or i.occurred_at < w.t)`,
    [JSON.stringify(intervals.map((w) => ({ f: ts(w.from), t: ts(w.to) })))],
  );
  return rows.map((r) => r.id);
}

/** Ids of incidents naming the actor as perpetrator or target. */
export async function incidentIdsInvolving(sql: Sql, actors: readonly string[]): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    'select id from incidents where perpetrator = any($1) or target_actor = any($1)', [actors],
  );
  return rows.map((r) => r.id);
}

export async function countIncidents(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>('select count(*)::int as n from incidents');
  return row?.n ?? 0;
}

const recordJson = (i: IncidentRecord) => ({
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
});

const RECORDSET = `jsonb_to_recordset($1::jsonb) as r(
  id text, occurred_at timestamptz, occurred_until timestamptz, date_precision smallint, lon float8, lat float8,
  location_precision smallint, place text, act text, perpetrator text, target_civilian text, target_actor text,
  self_defense_claim boolean, deaths_low int, deaths_best int, deaths_high int, deaths jsonb, sides jsonb,
  source text, source_ref text, headline text)`;

const INSERT = `insert into incidents (id, occurred_at, occurred_until, date_precision, lon, lat, location_precision, place,
    act, perpetrator, target_civilian, target_actor, self_defense_claim, deaths_low, deaths_best, deaths_high, deaths,
    sides, source, source_ref, headline)
  select r.id, r.occurred_at, r.occurred_until, r.date_precision, r.lon, r.lat, r.location_precision, r.place,
    r.act, r.perpetrator, r.target_civilian, r.target_actor, r.self_defense_claim, r.deaths_low, r.deaths_best,
    r.deaths_high, r.deaths, array(select jsonb_array_elements_text(r.sides)), r.source, r.source_ref, r.headline
  from ${RECORDSET}`;

/** Inserts incidents whose id is new; returns the ids that were inserted. */
export async function insertNewIncidents(sql: Sql, incidents: readonly IncidentRecord[]): Promise<string[]> {
  if (incidents.length === 0) return [];
  const rows = await sql.query<{ id: string }>(`${INSERT} on conflict do nothing returning id`, [JSON.stringify(incidents.map(recordJson))]);
  return rows.map((r) => r.id);
}

/** Inserts or replaces incidents by id (the facts the rules read, and the rest). */
export async function saveIncidents(sql: Sql, incidents: readonly IncidentRecord[]): Promise<void> {
  if (incidents.length === 0) return;
  await sql.query(
    `${INSERT} on conflict (id) do update set occurred_at = excluded.occurred_at, occurred_until = excluded.occurred_until,
       date_precision = excluded.date_precision, lon = excluded.lon, lat = excluded.lat,
       location_precision = excluded.location_precision, place = excluded.place, act = excluded.act,
       perpetrator = excluded.perpetrator, target_civilian = excluded.target_civilian, target_actor = excluded.target_actor,
       self_defense_claim = excluded.self_defense_claim, deaths_low = excluded.deaths_low, deaths_best = excluded.deaths_best,
       deaths_high = excluded.deaths_high, deaths = excluded.deaths, sides = excluded.sides, source = excluded.source,
       source_ref = excluded.source_ref, headline = excluded.headline`,
    [JSON.stringify(incidents.map(recordJson))],
  );
}
