/**
 * The map's incident layer: incidents in a box, grouped into grid cells with counts by verdict
 * (an incident counts under its most serious finding the reader may see). Cells holding few
 * incidents also return them one by one.
 *
 * No query reads the findings row by row. Counting groups every incident in the box by cell and
 * rank in one pass over the covering index of migration 005 (an index-only scan: 100,000
 * incidents in some 40 ms); the incidents of the few small cells then come through the spatial
 * index, cell by cell.
 */
import type { Sql } from './database.ts';
import { SUMMARY_HOLDS } from './incident.repository.ts';
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

export interface GridPoint {
  id: string;
  lon: number;
  lat: number;
  at: Date;
  act: string;
  rank: number;
}

export interface GridCellRow {
  cx: number;
  cy: number;
  n: number;
  /** Counts by rank: 1 violation, 2 needs review, 3 permitted, 4 not covered, 5 no finding. */
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  lon: number;
  lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  points: GridPoint[] | null;
}

/**
 * An incident's rank as the reader sees it: the summary's where it holds for the reader, else
 * from the findings they may see.
 */
const RANK = `case when ${SUMMARY_HOLDS} then i.worst_rank
    else coalesce((select min(truce_verdict_rank(coalesce(f.ruled_verdict, f.verdict))) from findings f where f.kind = 'incident' and f.subject_id = i.id), 5) end`;

/** The box as ranges of lon and lat (edges included). */
const inRanges = (p: Params, [x1, y1, x2, y2]: GridQuery['bbox']): string[] => [
  `i.lon between ${p.add(x1)} and ${p.add(x2)}`,
  `i.lat between ${p.add(y1)} and ${p.add(y2)}`,
];

/** The filters other than the box, shared by both queries. */
function filters(p: Params, q: GridQuery): string[] {
  const where: string[] = [];
  if (q.from !== null) where.push(`i.occurred_at >= ${p.add(ts(q.from))}::timestamptz`);
  if (q.to !== null) where.push(`i.occurred_at < ${p.add(ts(q.to))}::timestamptz`);
  if (q.act !== null) where.push(`i.act = ${p.add(q.act)}`);
  if (q.actor !== null) {
    const actor = p.add(q.actor);
    where.push(`(i.perpetrator = ${actor} or i.target_actor = ${actor} or ${actor} = any(i.sides))`);
  }
  return where;
}

interface RankRow {
  cx: number;
  cy: number;
  rank: number;
  n: number;
  sum_lon: number;
  sum_lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

/** Incidents in the box counted by cell and rank, with the sums and extremes of their places. */
async function rankCounts(sql: Sql, q: GridQuery, rank: string, condition?: string): Promise<RankRow[]> {
  const p = new Params();
  const cell = p.add(q.cell);
  // The box as ranges on lon and lat, which the planner can estimate (a box operator it cannot,
  // and then it sorts 100,000 rows instead of hashing them).
  const where = [...inRanges(p, q.bbox), ...filters(p, q), ...(condition ? [condition] : [])];
  return sql.query<RankRow>(
    `select floor(i.lon / ${cell}::float8)::int as cx, floor(i.lat / ${cell}::float8)::int as cy, ${rank} as rank, count(*)::int as n,
       sum(i.lon) as sum_lon, sum(i.lat) as sum_lat, min(i.lon) as min_lon, min(i.lat) as min_lat, max(i.lon) as max_lon, max(i.lat) as max_lat
     from incidents i ${whereAll(where)}
     group by 1, 2, 3`,
    p.values,
    // Planned for its box each time: a generic plan would guess a few hundred rows for any box.
    { prepare: false },
  );
}

export async function incidentGrid(sql: Sql, q: GridQuery): Promise<GridCellRow[]> {
  // Most incidents are ranked by their summary, grouped in one pass; those judged under an
  // agreement the reader cannot see (rank 0 in the first query) are ranked again from the
  // findings the reader may see, in a second query that runs only when there are any.
  const summarized = await rankCounts(sql, q, `case when ${SUMMARY_HOLDS} then i.worst_rank else 0 end`);
  const byRank = summarized.some((r) => r.rank === 0)
    ? [...summarized.filter((r) => r.rank !== 0), ...(await rankCounts(sql, q, RANK, `not ${SUMMARY_HOLDS}`))]
    : summarized;
  // lon and lat hold the sums until every rank is in, then the means.
  const cells = new Map<string, GridCellRow>();
  for (const r of byRank) {
    const key = `${r.cx},${r.cy}`;
    let c = cells.get(key);
    if (!c) {
      c = {
        cx: r.cx,
        cy: r.cy,
        n: 0,
        r1: 0,
        r2: 0,
        r3: 0,
        r4: 0,
        r5: 0,
        lon: 0,
        lat: 0,
        min_lon: r.min_lon,
        min_lat: r.min_lat,
        max_lon: r.max_lon,
        max_lat: r.max_lat,
        points: null,
      };
      cells.set(key, c);
    }
    c.n += r.n;
    c.lon += r.sum_lon;
    c.lat += r.sum_lat;
    c.min_lon = Math.min(c.min_lon, r.min_lon);
    c.min_lat = Math.min(c.min_lat, r.min_lat);
    c.max_lon = Math.max(c.max_lon, r.max_lon);
    c.max_lat = Math.max(c.max_lat, r.max_lat);
    if (r.rank === 1) c.r1 += r.n;
    else if (r.rank === 2) c.r2 += r.n;
    else if (r.rank === 3) c.r3 += r.n;
    else if (r.rank === 4) c.r4 += r.n;
    else c.r5 += r.n;
  }
  const rows = [...cells.values()].sort((a, b) => a.cx - b.cx || a.cy - b.cy);
  for (const c of rows) {
    c.lon /= c.n;
    c.lat /= c.n;
  }
  const small = rows.filter((c) => c.n <= q.pointsPerCell);
  if (small.length > 0) {
    const byCell = await cellPoints(sql, q, small);
    for (const c of small) c.points = byCell.get(`${c.cx},${c.cy}`) ?? [];
  }
  return rows;
}

/** The incidents of these cells, in time order, each under its own cell. */
async function cellPoints(
  sql: Sql,
  q: GridQuery,
  cells: readonly { cx: number; cy: number }[],
): Promise<Map<string, GridPoint[]>> {
  const p = new Params();
  const cell = p.add(q.cell);
  const cx = p.add(cells.map((c) => c.cx));
  const cy = p.add(cells.map((c) => c.cy));
  // The cell's box, a hair wider than the cell (a product of floats may land a hair off), finds
  // candidates through the spatial index; floor() then keeps this cell's incidents, as the
  // counts did (one on a cell's edge belongs to the cell to its east or north), and the ranges
  // keep those the counts kept (a cell may reach past the box).
  const pad = p.add(q.cell * 1e-9);
  const where = [
    `point(i.lon, i.lat) <@ box(point(c.cx * ${cell}::float8 - ${pad}, c.cy * ${cell}::float8 - ${pad}),
      point((c.cx + 1) * ${cell}::float8 + ${pad}, (c.cy + 1) * ${cell}::float8 + ${pad}))`,
    `floor(i.lon / ${cell}::float8)::int = c.cx`,
    `floor(i.lat / ${cell}::float8)::int = c.cy`,
    ...inRanges(p, q.bbox),
    ...filters(p, q),
  ];
  const rows = await sql.query<GridPoint & { cx: number; cy: number }>(
    `select c.cx, c.cy, i.id, i.lon, i.lat, i.occurred_at as at, i.act, ${RANK} as rank
     from unnest(${cx}::int[], ${cy}::int[]) as c(cx, cy) join incidents i on true
     ${whereAll(where)}
     order by i.occurred_at, i.id`,
    p.values,
  );
  const byCell = new Map<string, GridPoint[]>();
  for (const { cx: x, cy: y, ...point } of rows) {
    const key = `${x},${y}`;
    const list = byCell.get(key);
    if (list) list.push(point);
    else byCell.set(key, [point]);
  }
  return byCell;
}

export interface IncidentExtentRow {
  n: number | null;
  first: Date | null;
  last: Date | null;
}

/**
 * How many incidents there are (unless not asked: it reads every one) and when the first and
 * last happened. Subqueries: min and max alone each read one end of the time index; with
 * count(*) beside them they would not.
 */
export async function incidentExtent(sql: Sql, options = { count: true }): Promise<IncidentExtentRow> {
  const [row] = await sql.query<IncidentExtentRow>(
    `select ${options.count ? '(select count(*) from incidents)::int' : 'null::int'} as n, (select min(occurred_at) from incidents) as first,
       (select max(occurred_at) from incidents) as last`,
  );
  return row ?? { n: 0, first: null, last: null };
}
