/** Zones of control: an area, and who held it when. */
import { type BBox, bboxOf } from '../domain/geo.ts';
import type { Zone } from '../domain/model.ts';
import type { Sql } from './database.ts';
import { ms, msOrNull, ts } from './rows.ts';

interface ZoneRow {
  id: string;
  name: string;
  geometry: Zone['geometry'];
  control: { actors: string[]; from: string; to: string | null }[];
}

const SELECT = `
  select z.id, z.name, z.geometry,
    coalesce((select jsonb_agg(jsonb_build_object('actors', to_jsonb(c.actors), 'from', c.valid_from, 'to', c.valid_to) order by c.position)
                from zone_control c where c.zone_id = z.id), '[]') as control
  from zones z`;

const toZone = (r: ZoneRow): Zone => ({
  id: r.id,
  name: r.name,
  geometry: r.geometry,
  control: r.control.map((c) => ({ actors: c.actors, from: ms(c.from), to: msOrNull(c.to) })),
});

export async function listZones(sql: Sql): Promise<Zone[]> {
  return (await sql.query<ZoneRow>(`${SELECT} order by z.id`)).map(toZone);
}

export async function getZone(sql: Sql, id: string): Promise<Zone | null> {
  const [row] = await sql.query<ZoneRow>(`${SELECT} where z.id = $1`, [id]);
  return row ? toZone(row) : null;
}

/** Writes a zone whole: its geometry and box, and its control history replaced. */
export async function saveZone(sql: Sql, zone: Zone): Promise<void> {
  const [minLon, minLat, maxLon, maxLat] = bboxOf(zone.geometry);
  await sql.query(
    `insert into zones (id, name, geometry, min_lon, min_lat, max_lon, max_lat) values ($1, $2, $3::jsonb, $4, $5, $6, $7)
     on conflict (id) do update set name = excluded.name, geometry = excluded.geometry,
       min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat`,
    [zone.id, zone.name, JSON.stringify(zone.geometry), minLon, minLat, maxLon, maxLat],
  );
  await sql.query('delete from zone_control where zone_id = $1', [zone.id]);
  await sql.query(
    `insert into zone_control (zone_id, position, actors, valid_from, valid_to)
     select $1, c.position, array(select jsonb_array_elements_text(c.actors)), c.valid_from, c.valid_to
       from jsonb_to_recordset($2::jsonb) as c(position integer, actors jsonb, valid_from timestamptz, valid_to timestamptz)`,
    [zone.id, JSON.stringify(zone.control.map((c, position) => ({ position, actors: c.actors, valid_from: ts(c.from), valid_to: ts(c.to) })))],
  );
}

export type { BBox };
