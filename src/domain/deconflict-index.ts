/**
 * Deconfliction without measuring every target (decision 024): the targets a reach may come
 * within the buffer of are those whose widened box overlaps the reach's widened box, and only
 * those are measured by `targetConflicts`, so the answer is the same as a scan of every target.
 *
 * A widened box is the box, in degrees, of every point within a distance of a geometry's box.
 * If a vertex p of one geometry is within r + b of a point q of the other (q on a segment
 * straight in lon/lat lies in its geometry's box; spec "Deconfliction", decision 015), the great
 * circle from p to q has a point m within r of p and within b of q: m lies in both the area's box
 * widened by r and the target's box widened by b. Geometries that intersect share a point of
 * both boxes. So no conflict is left out; the boxes only skip targets that cannot be one.
 *
 * `TargetIndex` keeps the boxes in a packed R-tree (flatbush), in layers: the targets it was
 * built with, then those added (`with`), each layer its own tree. The database keeps the same
 * boxes in a GiST index (migration 025, `truce_widened_box`), so that a notice reads only the
 * targets that may reach it.
 */
import Flatbush from 'flatbush';
import type { DeconflictionTarget, PlannedReach, TargetConflict } from './deconflict.ts';
import { targetConflicts } from './deconflict.ts';
import { type BBox, bboxOf, EARTH_RADIUS_M, type Geometry } from './geo.ts';
import { overlaps } from './time.ts';

const DEG = 180 / Math.PI;
/** Slack against rounding: one part in a million of the widening, and 1e-7 degrees (1 cm). */
const RELATIVE_SLACK = 1 + 1e-6;
const ABSOLUTE_SLACK_DEG = 1e-7;

/**
 * The box of every point within `distanceM` (geodesic, on the spec's sphere) of a point of `box`:
 * latitude widened by the arc, longitude by the widest the arc spans at the box's latitude
 * farthest from the equator, `asin(sin a / cos φ)`. Every longitude when the arc reaches a pole
 * or the widened box crosses the antimeridian. An empty box stays empty.
 */
export function widenedBox(box: BBox, distanceM: number): BBox {
  if (!(box[0] <= box[2] && box[1] <= box[3])) return [Infinity, Infinity, -Infinity, -Infinity];
  const arc = Math.max(0, distanceM) / EARTH_RADIUS_M;
  const dLat = arc * DEG * RELATIVE_SLACK + ABSOLUTE_SLACK_DEG;
  const minLat = Math.max(-90, box[1] - dLat);
  const maxLat = Math.min(90, box[3] + dLat);
  const farthest = Math.max(Math.abs(box[1]), Math.abs(box[3])) / DEG;
  if (arc >= Math.PI / 2 - farthest) return [-180, minLat, 180, maxLat];
  const dLon = Math.asin(Math.min(1, Math.sin(arc) / Math.cos(farthest))) * DEG * RELATIVE_SLACK + ABSOLUTE_SLACK_DEG;
  if (box[0] - dLon < -180 || box[2] + dLon > 180) return [-180, minLat, 180, maxLat];
  return [box[0] - dLon, minLat, box[2] + dLon, maxLat];
}

/** The box a target can be reached from: its geometry's, widened by its buffer. */
export const targetBox = (t: Pick<DeconflictionTarget, 'geometry' | 'bufferM'>): BBox =>
  widenedBox(bboxOf(t.geometry), t.bufferM);

/** The box an operation reaches: its area's, widened by its radius. */
export const reachBox = (reach: { area: Geometry; radiusM: number }): BBox =>
  widenedBox(bboxOf(reach.area), reach.radiusM);

const isEmpty = (b: BBox) => !(b[0] <= b[2] && b[1] <= b[3]);

/** What the index needs of a target: its shape, its buffer and when it is valid. */
export type Reachable = Pick<DeconflictionTarget, 'geometry' | 'bufferM' | 'valid'>;

interface Layer<T> {
  targets: T[];
  tree: Flatbush;
}

function layerOf<T extends Reachable>(targets: readonly T[]): Layer<T> | null {
  // A target with no position is never within reach (its distance is infinite): left out.
  const kept: T[] = [];
  const boxes: BBox[] = [];
  for (const t of targets) {
    const box = targetBox(t);
    if (isEmpty(box)) continue;
    kept.push(t);
    boxes.push(box);
  }
  if (kept.length === 0) return null;
  const tree = new Flatbush(kept.length);
  for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  return { targets: kept, tree };
}

/** Layers beyond this many are merged into one tree when targets are added. */
const MAX_LAYERS = 8;

/**
 * Targets by their widened boxes. `T` is any record with a shape and a buffer (a target as the
 * domain reads it, or a stored record that becomes one for each operation: whether it was
 * notified depends on who asks).
 */
export class TargetIndex<T extends Reachable = DeconflictionTarget> {
  readonly #layers: readonly Layer<T>[];

  constructor(targets: readonly T[] = [], layers?: readonly (Layer<T> | null)[]) {
    const built = layers ?? [layerOf(targets)];
    this.#layers = built.filter((l): l is Layer<T> => l !== null);
  }

  /** How many targets it holds (those with a position). */
  get size(): number {
    return this.#layers.reduce((n, l) => n + l.targets.length, 0);
  }

  /**
   * A new index holding these targets too, this one unchanged: the added targets are a layer of
   * their own (a tree of their size), until there are too many layers and all become one.
   */
  with(added: readonly T[]): TargetIndex<T> {
    const layer = layerOf(added);
    if (!layer) return this;
    if (this.#layers.length + 1 <= MAX_LAYERS) return new TargetIndex<T>([], [...this.#layers, layer]);
    return new TargetIndex<T>([...this.#layers.flatMap((l) => l.targets), ...layer.targets]);
  }

  /** The targets whose widened box overlaps the reach's: a superset of its conflicts. */
  candidates(reach: Pick<PlannedReach, 'area' | 'radiusM'>): T[] {
    const box = reachBox(reach);
    if (isEmpty(box)) return [];
    const found: T[] = [];
    for (const { targets, tree } of this.#layers) {
      for (const i of tree.search(box[0], box[1], box[2], box[3])) found.push(targets[i]!);
    }
    return found;
  }

  /**
   * `targetConflicts(reach, every target)`, measuring only the candidates; `targetOf` makes each
   * the target this reach sees (its owner, whether it was notified).
   */
  conflicts(reach: PlannedReach, targetOf: (t: T) => DeconflictionTarget): TargetConflict[] {
    const targets: DeconflictionTarget[] = [];
    // Those not valid in the window are no conflict (the rule's first test): left out before they are made.
    for (const t of this.candidates(reach)) if (overlaps(t.valid, reach.window)) targets.push(targetOf(t));
    return targetConflicts(reach, targets);
  }
}
