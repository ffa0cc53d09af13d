/**
 * The console's map as GeoJSON: sites (a point with its buffer drawn as a ring, or an area),
 * movements (their route), positions (a point and its buffer) and operations (their area and the
 * radius around it), each feature carrying its layer, whether it is in a conflict, and the words
 * its popup shows. Pure: the page passes the words.
 */
import { anchorOf, circlePolygon } from '../../map/plan-features.ts';

type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}

export const CONSOLE_LAYERS = ['site', 'movement', 'position', 'operation'] as const;
export type ConsoleLayer = (typeof CONSOLE_LAYERS)[number];

export interface Drawn {
  id: string;
  geometry: Geometry;
  /** Metres around it: a target's buffer, an operation's radius. */
  reachM: number;
  /** What its popup says. */
  label: string;
}

export interface ConsoleFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: { id: string; layer: ConsoleLayer; role: 'shape' | 'reach'; conflict: boolean; label: string };
}

/** The shape, and the circle of its reach around a point (an area's reach is its own outline). */
function featuresOf(d: Drawn, layer: ConsoleLayer, conflict: boolean): ConsoleFeature[] {
  const properties = { id: d.id, layer, conflict, label: d.label };
  const out: ConsoleFeature[] = [];
  const at = d.geometry.type === 'Point' ? anchorOf(d.geometry) : null;
  if (at && d.reachM > 0)
    out.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [circlePolygon(at, d.reachM)] },
      properties: { ...properties, role: 'reach' },
    });
  out.push({ type: 'Feature', geometry: d.geometry, properties: { ...properties, role: 'shape' } });
  return out;
}

export function consoleFeatures(
  layers: Record<ConsoleLayer, readonly Drawn[]>,
  /** The ids of targets and operations in a conflict the reader may see. */
  inConflict: ReadonlySet<string>,
) {
  return {
    type: 'FeatureCollection' as const,
    features: CONSOLE_LAYERS.flatMap((layer) =>
      layers[layer].flatMap((d) => featuresOf(d, layer, inConflict.has(d.id))),
    ),
  };
}

/** The box around every shape drawn ([west, south, east, north]), or null when there is none. */
export function boundsOf(features: readonly ConsoleFeature[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  const add = ([x, y]: Position) => {
    box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
  };
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') add(c as Position);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  for (const f of features) walk(f.geometry.coordinates);
  return box;
}
