/**
 * The incidents layer of the map: clusters by grid cell with counts by verdict, and single
 * incidents where a cell holds few. Read as the caller, so clearance applies to every count.
 */
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { asReader } from '../../store/reader.ts';
import * as mapStore from '../../store/map.repository.ts';
import { type BBox, cellSize, type MapVerdict, POINTS_PER_CELL, snapToCells, verdictOfRank } from './grid.ts';

export interface MapIncidentsInput {
  bbox: BBox;
  zoom: number;
  from?: number | null;
  to?: number | null;
  act?: string | null;
  actor?: string | null;
}

export interface MapCluster {
  lon: number;
  lat: number;
  count: number;
  /** The extent of the incidents in the cluster: zooming to it splits the cluster. */
  bbox: [number, number, number, number];
  verdicts: Record<MapVerdict, number>;
}

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  occurred_at: string;
  act: string;
  verdict: MapVerdict;
}

export interface MapIncidents {
  cell_deg: number;
  total: number;
  clusters: MapCluster[];
  points: MapPoint[];
}

export async function mapIncidents(
  ctx: AppContext,
  caller: Caller | null,
  input: MapIncidentsInput,
): Promise<MapIncidents> {
  const c = requireCaller(caller);
  const cell = cellSize(input.zoom, input.bbox);
  const rows = await asReader(ctx.db, readerOf(c), (sql) =>
    mapStore.incidentGrid(sql, {
      bbox: snapToCells(input.bbox, cell),
      cell,
      from: input.from ?? null,
      to: input.to ?? null,
      act: input.act ?? null,
      actor: input.actor ?? null,
      pointsPerCell: POINTS_PER_CELL,
    }),
  );
  const result: MapIncidents = { cell_deg: cell, total: 0, clusters: [], points: [] };
  for (const r of rows) {
    result.total += r.n;
    if (r.points) {
      for (const pt of r.points) {
        result.points.push({
          id: pt.id,
          lon: pt.lon,
          lat: pt.lat,
          occurred_at: new Date(pt.at).toISOString(),
          act: pt.act,
          verdict: verdictOfRank(pt.rank),
        });
      }
      continue;
    }
    result.clusters.push({
      lon: r.lon,
      lat: r.lat,
      count: r.n,
      bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
      verdicts: { violation: r.r1, needs_review: r.r2, permitted: r.r3, not_covered: r.r4, unjudged: r.r5 },
    });
  }
  return result;
}
