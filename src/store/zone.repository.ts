/** Zones of control: an area, and who held it when (with who said so, and how sure). */
import type { Classification } from '../contract/access.ts';
import type { ControlConfidence } from '../contract/enums.ts';
import { type BBox, bboxOf } from '../domain/geo.ts';
import type { ControlEntry, Zone } from '../domain/model.ts';
import type { Sql } from './database.ts';
import { ms, msOrNull, ts } from './rows.ts';

/** A control entry as it is kept: who reported it and how sure the analyst is (not read by the rules). */
export interface ControlRecord extends ControlEntry {
  source: string | null;
  confidence: ControlConfidence | null;
}

/** A zone with its classification and owner, as the API shows and changes it. */
export interface ZoneRecord extends Zone {
  control: ControlRecord[];
  classification: Classification;
  ownerOrg: string | null;
}

interface ZoneRow {
  id: string;
  name: string;
  name_ar: string | null;
  geometry: Zone['geometry'];
  classification: Classification;
  owner_org: string | null;
  control: {
    actors: string[];
    from: string;
    to: string | null;
    source: string | null;
    confidence: ControlConfidence | null;
  }[];
}

const SELECT = `
  select z.id, z.name, z.name_ar, z.geometry, z.classification, z.owner_org,
    coalesce((select jsonb_agg(jsonb_build_object('actors', to_jsonb(c.actors), 'from', c.valid_from, 'to', c.valid_to,
                  'source', c.source, 'confidence', c.confidence) order by c.position)
                from zone_control c where c.zone_id = z.id), '[]') as control
  from zones z`;

const arabicName = (r: ZoneRow) => (r.name_ar === null ? {} : { nameAr: r.name_ar });

const toZone = (r: ZoneRow): Zone => ({
  id: r.id,
  name: r.name,
  ...arabicName(r),
  geometry: r.geometry,
  control: r.control.map((c) => ({ actors: c.actors, from: ms(c.from), to: msOrNull(c.to) })),
});

const controlOf = (r: ZoneRow): ControlRecord[] =>
  r.control.map((c) => ({
    actors: c.actors,
    from: ms(c.from),
    to: msOrNull(c.to),
    source: c.source,
    confidence: c.confidence,
  }));

const toRecord = (r: ZoneRow): ZoneRecord => ({
  id: r.id,
  name: r.name,
  ...arabicName(r),
  geometry: r.geometry,
  control: controlOf(r),
  classification: r.classification,
  ownerOrg: r.owner_org,
});

export async function list(sql: Sql): Promise<Zone[]> {
  return (await sql.query<ZoneRow>(`${SELECT} order by z.id`)).map(toZone);
}

export async function get(sql: Sql, id: string): Promise<Zone | null> {
  const [row] = await sql.query<ZoneRow>(`${SELECT} where z.id = $1`, [id]);
  return row ? toZone(row) : null;
}

export async function getRecord(sql: Sql, id: string): Promise<ZoneRecord | null> {
  const [row] = await sql.query<ZoneRow>(`${SELECT} where z.id = $1`, [id]);
  return row ? toRecord(row) : null;
}

/** Zones by id, those whose box meets `bbox` when one is given. */
export async function listRecords(sql: Sql, bbox?: BBox): Promise<ZoneRecord[]> {
  const rows = bbox
    ? await sql.query<ZoneRow>(
        `${SELECT} where box(point(z.min_lon, z.min_lat), point(z.max_lon, z.max_lat)) && box(point($1, $2), point($3, $4)) order by z.id`,
        bbox,
      )
    : await sql.query<ZoneRow>(`${SELECT} order by z.id`);
  return rows.map(toRecord);
}

/** Locks the zone's row until the transaction ends (two changes of one zone take turns); false when there is none. */
export async function lock(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query('select id from zones where id = $1 for update', [id])).length > 0;
}

/**
 * Writes a zone whole: its geometry and box, and its control history replaced. A record brings
 * its classification and owner, and each entry its source and confidence; a plain zone (a
 * scenario bundle) keeps the stored classification and owner, and its entries have neither.
 */
/** A zone's name changed, its area and control as they are. */
export async function update(sql: Sql, id: string, changes: { name: string; nameAr: string | null }): Promise<void> {
  await sql.query('update zones set name = $2, name_ar = $3 where id = $1', [id, changes.name, changes.nameAr]);
}

export async function upsert(sql: Sql, zone: Zone | ZoneRecord): Promise<void> {
  const [minLon, minLat, maxLon, maxLat] = bboxOf(zone.geometry);
  const meta = 'classification' in zone ? zone : null;
  await sql.query(
    `insert into zones (id, name, geometry, min_lon, min_lat, max_lon, max_lat, classification, owner_org, name_ar)
     values ($1, $2, $3::jsonb, $4, $5, $6, $7, coalesce($8::text, 'public'), $9, $10)
     on conflict (id) do update set name = excluded.name, name_ar = excluded.name_ar, geometry = excluded.geometry,
       min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
       classification = coalesce($8::text, zones.classification), owner_org = coalesce($9::text, zones.owner_org)`,
    [
      zone.id,
      zone.name,
      JSON.stringify(zone.geometry),
      minLon,
      minLat,
      maxLon,
      maxLat,
      meta?.classification ?? null,
      meta?.ownerOrg ?? null,
      zone.nameAr ?? null,
    ],
  );
  await sql.query('delete from zone_control where zone_id = $1', [zone.id]);
  await sql.query(
    `insert into zone_control (zone_id, position, actors, valid_from, valid_to, source, confidence)
     select $1, c.position, array(select jsonb_array_elements_text(c.actors)), c.valid_from, c.valid_to, c.source, c.confidence
       from jsonb_to_recordset($2::jsonb)
         as c(position integer, actors jsonb, valid_from timestamptz, valid_to timestamptz, source text, confidence text)`,
    [
      zone.id,
      JSON.stringify(
        (zone.control as (ControlEntry & Partial<ControlRecord>)[]).map((c, position) => ({
          position,
          actors: c.actors,
          valid_from: ts(c.from),
          valid_to: ts(c.to),
          source: c.source ?? null,
          confidence: c.confidence ?? null,
        })),
      ),
    ],
  );
}

export type { BBox };
