/**
 * The map's incident grid: the viewport is cut into square cells whose size follows the zoom,
 * so a screen shows a few dozen clusters whatever the number of incidents. Pure: the SQL in
 * map.repository.ts groups by the cell indices these functions define.
 */
import { UNJUDGED_RANK } from '../../domain/findings.ts';

export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** An incident's colour on the map: its most serious finding, or none yet. */
export const MAP_VERDICTS = ['violation', 'needs_review', 'permitted', 'not_covered', 'unjudged'] as const;
export type MapVerdict = (typeof MAP_VERDICTS)[number];

export function verdictOfRank(rank: number): MapVerdict {
  return MAP_VERDICTS[Math.min(Math.max(Math.round(rank), 1), UNJUDGED_RANK) - 1]!;
}

/** At most this many cells along either side of the requested box. */
export const MAX_CELLS_PER_SIDE = 64;
/** A cell with at most this many incidents sends them one by one instead of a cluster. */
export const POINTS_PER_CELL = 4;

/**
 * Cell size in degrees: a 512-pixel tile spans 360 / 2^zoom degrees, cut into 8 cells (about
 * 64 px each), but never so small that the box would need more than MAX_CELLS_PER_SIDE cells.
 */
export function cellSize(zoom: number, bbox: BBox): number {
  const z = Math.min(Math.max(Math.floor(zoom), 0), 22);
  const byZoom = 360 / 2 ** z / 8;
  const span = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]);
  return Math.max(byZoom, span / MAX_CELLS_PER_SIDE);
}

/** The box grown to whole cells, so a cluster never counts only the part of a cell in view. */
export function snapToCells(bbox: BBox, cell: number): BBox {
  return [
    Math.max(Math.floor(bbox[0] / cell) * cell, -180),
    Math.max(Math.floor(bbox[1] / cell) * cell, -90),
    Math.min(Math.ceil(bbox[2] / cell) * cell, 180),
    Math.min(Math.ceil(bbox[3] / cell) * cell, 90),
  ];
}

/** `minLon,minLat,maxLon,maxLat` as numbers, or a message saying what is wrong. */
export function parseBBox(text: string): BBox | string {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)))
    return 'must be four numbers: minLon,minLat,maxLon,maxLat';
  const [x1, y1, x2, y2] = parts as [number, number, number, number];
  if (x1 < -180 || x2 > 180 || y1 < -90 || y2 > 90)
    return 'longitudes must be within -180..180 and latitudes within -90..90';
  if (x1 >= x2 || y1 >= y2) return 'the minimum must be below the maximum';
  return [x1, y1, x2, y2];
}
