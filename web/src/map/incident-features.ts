/**
 * The server's incident clusters and points as GeoJSON for MapLibre: a cluster is drawn in the
 * colour of its most frequent verdict, ringed in red when it holds any violation, and sized by
 * its count on a log scale.
 */
import type { components } from '../api/schema';
import type { MapVerdict } from '../api/vocabulary.ts';
import { MAP_VERDICTS } from './colors.ts';

type Schemas = components['schemas'];
/**
 * A cluster as the server sends it (GET /api/v1/map/incidents). The schema's `bbox` is a 4-tuple,
 * but what the typed client hands back types it as number[], so that one field is widened here.
 */
export type Cluster = Omit<Schemas['MapCluster'], 'bbox'> & { bbox: number[] };
/** A point as the server sends it. */
export type Point = Schemas['MapPoint'];

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id?: number;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Record<string, string | number | boolean>;
  }[];
}

/** The verdict most incidents of the cluster have; ties go to the more serious. */
export function dominantVerdict(verdicts: Record<MapVerdict, number>): MapVerdict {
  let best: MapVerdict = 'unjudged';
  let n = -1;
  for (const v of MAP_VERDICTS) {
    if (verdicts[v] > n) {
      best = v;
      n = verdicts[v];
    }
  }
  return best;
}

/** Circle radius in pixels: 12 for a pair, growing with the logarithm of the count, at most 34. */
export function clusterRadius(count: number): number {
  return Math.min(34, Math.round(10 + 5 * Math.log10(Math.max(count, 1)) * 2));
}

/** Short count labels: 999, 1.2k, 12k. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(n / 1000)}k`;
}

export function clusterFeatures(clusters: readonly Cluster[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: clusters.map((c, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: {
        index: i,
        count: c.count,
        label: shortCount(c.count),
        verdict: dominantVerdict(c.verdicts),
        violations: c.verdicts.violation,
        radius: clusterRadius(c.count),
      },
    })),
  };
}

export function pointFeatures(points: readonly Point[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { id: p.id, verdict: p.verdict, act: p.act, occurred_at: p.occurred_at },
    })),
  };
}
