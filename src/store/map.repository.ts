/**
 * The map's incident layer: incidents in a box, grouped into grid cells with counts by verdict
 * (an incident counts under its most serious finding). Cells holding few incidents also return
 * them one by one. One pass over the incidents in the box, whatever their number.
 */
import type { Sql } from './database.ts';
import { Params, whereAll } from './query.ts';
import { ts } from './rows.ts';

export interface GridQuery {
  /** Already grown to whole cells. */
  bbox: readonly [number, number, number, number];
  cell: number;
  from: number | null;
  to: number | null;
  act: string | null;
  actor: string | null;
  /** Cells with at most this many incidents list them. */
  pointsPerCell: number;
}

export interface GridCellRow {
  cx: number;
  cy: number;
  n: number;
  /** Counts by rank: 1 violation, 2 needs review, 3 permitted, 4 not covered, 5 no finding. */
  r1: number; r2: number; r3: number; r4: number; r5: number;
  lon: number;
  lat: number;
  min_lon: number; min_lat: number; max_lon: number; max_lat: number;
  points: { id: string; lon: number; lat: number; at: string; act: string; rank: number }[] | null;
}

export async function incidentGrid(sql: Sql, q: GridQuery): Promise<GridCellRow[]> {
  const p = new Params();
  const cell = p.add(q.cell);
  const where = [
    `point(i.lon, i.lat) <@ box(point(${p.add(q.bbox[0])}, ${p.add(q.bbox[1])}), point(${p.add(q.bbox[2])}, ${p.add(q.bbox[3])}))`,
  ];
  if (q.from !== null) where.push(`i.occurred_at >= ${p.add(ts(q.from))}::timestamptz`);
  if (q.to !== null) where.push(`i.occurred_at < ${p.add(ts(q.to))}::timestamptz`);
  if (q.act !== null) where.push(`i.act = ${p.add(q.act)}`);
  if (q.actor !== null) {
    const actor = p.add(q.actor);
    where.push(`(i.perpetrator = ${actor} or i.target_actor = ${actor} or ${actor} = any(i.sides))`);
  }
  const few = p.add(q.pointsPerCell);
  return sql.query<GridCellRow>(
    `with judged as (
       select i.id, i.lon, i.lat, i.occurred_at, i.act,
         floor(i.lon / ${cell}::float8)::int as cx, floor(i.lat / ${cell}::float8)::int as cy,
         coalesce((select min(case f.verdict when 'violation' then 1 when 'needs_review' then 2 when 'permitted' then 3 else 4 end)
                     from findings f where f.kind = 'incident' and f.subject_id = i.id), 5) as rank
       from incidents i
       ${whereAll(where)}
     ), counted as (
       select j.*, count(*) over (partition by j.cx, j.cy) as in_cell from judged j
     )
     select cx, cy, count(*)::int as n,
       count(*) filter (where rank = 1)::int as r1, count(*) filter (where rank = 2)::int as r2,
       count(*) filter (where rank = 3)::int as r3, count(*) filter (where rank = 4)::int as r4,
       count(*) filter (where rank = 5)::int as r5,
       avg(lon) as lon, avg(lat) as lat, min(lon) as min_lon, min(lat) as min_lat, max(lon) as max_lon, max(lat) as max_lat,
       jsonb_agg(jsonb_build_object('id', id, 'lon', lon, 'lat', lat, 'at', occurred_at, 'act', act, 'rank', rank) order by occurred_at, id)
         filter (where in_cell <= ${few}) as points
     from counted
     group by cx, cy
     order by cx, cy`,
    p.values,
  );
}

export interface IncidentExtentRow {
  n: number;
  first: Date | null;
  last: Date | null;
}

/** How many incidents there are and when the first and last happened. */
export async function incidentExtent(sql: Sql): Promise<IncidentExtentRow> {
  const [row] = await sql.query<IncidentExtentRow>('select count(*)::int as n, min(occurred_at) as first, max(occurred_at) as last from incidents');
  return row ?? { n: 0, first: null, last: null };
}

export interface ViolationRow {
  id: string;
  lon: number;
  lat: number;
  at: Date;
  violators: string[];
}

/** Incidents with a violation finding in [from, to): each once, with every violator named. */
export async function violatingIncidents(sql: Sql, from: number, to: number): Promise<ViolationRow[]> {
  return sql.query<ViolationRow>(
    `select i.id, i.lon, i.lat, min(f.at) as at,
       coalesce(array(select distinct v from findings g, unnest(g.violators) as v
                       where g.kind = 'incident' and g.subject_id = i.id and g.verdict = 'violation' order by v), '{}') as violators
     from findings f join incidents i on i.id = f.subject_id
     where f.kind = 'incident' and f.verdict = 'violation' and f.at >= $1 and f.at < $2
     group by i.id, i.lon, i.lat
     order by at, i.id`,
    [ts(from), ts(to)],
  );
}
