/**
 * A point of a drawn shape chosen to be removed, by a tap or click near it or by the keyboard
 * (previous, next), and the shape without it. Works the same with a mouse, a finger and the
 * keyboard, where terra-draw removes a point only by a right click. Pure.
 */
import type { Position } from '../../../../src/contract/geometry.ts';

/** The point chosen: of which shape, its index in the ring, and how many points the ring had then. */
export interface PickedPoint {
  shape: string;
  index: number;
  count: number;
}

/** A shape keeps at least this many points (a ring of fewer encloses nothing). */
export const MIN_POINTS = 3;

/** The index of the point nearest to `at` (screen pixels), if one lies within `within` pixels. */
export function nearestPoint(
  points: readonly (readonly [number, number])[],
  at: readonly [number, number],
  within: number,
): number | null {
  let best: number | null = null;
  let bestDistance = within;
  points.forEach(([x, y], i) => {
    const d = Math.hypot(x - at[0], y - at[1]);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** The next (step 1) or previous (step -1) point, round the ring. */
export const stepPoint = (index: number, count: number, step: 1 | -1): number => (index + step + count) % count;

/** The ring (open: without its closing position) without one point; null when too few would be left. */
export function withoutPoint(ring: readonly Position[], index: number): Position[] | null {
  if (ring.length - 1 < MIN_POINTS || index < 0 || index >= ring.length) return null;
  return ring.filter((_, i) => i !== index);
}

/** Whether a choice still names a point of the shapes as they are: the shape is there, with as many points. */
export function stillPicked(
  picked: PickedPoint | null,
  shapes: readonly { id: string; ring: readonly Position[] }[],
): boolean {
  if (!picked) return false;
  const shape = shapes.find((s) => s.id === picked.shape);
  return shape !== undefined && shape.ring.length === picked.count && picked.index < picked.count;
}
