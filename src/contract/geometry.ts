/**
 * The checks of an area drawn for a zone (domain/area-check.ts), given to the web app so that it
 * names the same problems, in the same words, as the server would before anything is sent.
 */
export {
  type AreaCheckOptions,
  type AreaProblem,
  areaProblems,
  MAX_AREA_POSITIONS,
  openRing,
  SYRIA_EXTENT,
} from '../domain/area-check.ts';
export type { Area, BBox, MultiPolygon, Polygon, Position } from '../domain/geo.ts';
export { areaContains, bboxOf, pointOnSurface } from '../domain/geo.ts';
/** An area a reader draws to ask about (the daily report's): its checks and its form in an address. */
export {
  decodeRing,
  drawnAreaProblems,
  encodeRing,
  MAX_DRAWN_POINTS,
  MAX_DRAWN_TEXT,
  polygonOfRing,
  ringAreaKm2,
} from '../domain/drawn-area.ts';
