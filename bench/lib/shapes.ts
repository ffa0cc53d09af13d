/**
 * Polygons for synthetic zones, drawn around a centre with half-sizes rx, ry (degrees). Every
 * ring is closed (first position repeated last), as GeoJSON wants.
 */
import type { Area, Position } from '../../src/domain/geo.ts';
import type { Random } from './prng.ts';

export type ShapeKind = 'rectangle' | 'convex' | 'concave' | 'holed' | 'multi';

export function shape(kind: ShapeKind, cx: number, cy: number, rx: number, ry: number, random: Random): Area {
  switch (kind) {
    case 'rectangle':
      return polygon([
        [cx - rx, cy - ry],
        [cx + rx, cy - ry],
        [cx + rx, cy + ry],
        [cx - rx, cy + ry],
      ]);
    case 'convex':
      return polygon(ring(cx, cy, rx, ry, random, 1));
    case 'concave':
      return polygon(ring(cx, cy, rx, ry, random, 0.4));
    case 'holed':
      // The outer ring keeps at least cos(45 deg) of the radius; a hole at 0.35 stays inside it.
      return {
        type: 'Polygon',
        coordinates: [
          close(ring(cx, cy, rx, ry, random, 1)),
          close(ring(cx, cy, rx * 0.35, ry * 0.35, random, 1).reverse()),
        ],
      };
    case 'multi': {
      const parts = random.int(2, 3);
      const turn = random.between(0, 2 * Math.PI);
      const coordinates: Position[][][] = [];
      for (let k = 0; k < parts; k++) {
        const a = turn + (2 * Math.PI * k) / parts;
        coordinates.push([
          close(ring(cx + 0.55 * rx * Math.cos(a), cy + 0.55 * ry * Math.sin(a), rx * 0.4, ry * 0.4, random, 1)),
        ]);
      }
      return { type: 'MultiPolygon', coordinates };
    }
  }
}

/**
 * 6 to 12 vertices at increasing angles around the centre; each at a radius between
 * `minRadius` and 1 of the half-sizes: 1 gives a convex polygon, less a star-shaped concave one.
 */
function ring(cx: number, cy: number, rx: number, ry: number, random: Random, minRadius: number): Position[] {
  const n = random.int(6, 12);
  const step = (2 * Math.PI) / n;
  const turn = random.between(0, step);
  const positions: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = turn + step * (i + random.between(-0.25, 0.25));
    const r = random.between(minRadius, 1);
    positions.push([cx + rx * r * Math.cos(a), cy + ry * r * Math.sin(a)]);
  }
  return positions;
}

function polygon(positions: Position[]): Area {
  return { type: 'Polygon', coordinates: [close(positions)] };
}

function close(positions: Position[]): Position[] {
  return [...positions, [positions[0]![0], positions[0]![1]]];
}
