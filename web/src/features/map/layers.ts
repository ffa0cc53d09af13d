/** The map's data layers: zones of control, protected sites, convoy routes, incident clusters and points. */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import {
  CONVOY_COLOR,
  MAP_VERDICTS,
  SITE_COLOR,
  VERDICT_COLORS,
  ZONE_COLORS,
  ZONE_STATUSES,
} from '../../map/colors.ts';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

const byVerdict = (): ExpressionSpecification =>
  [
    'match',
    ['get', 'verdict'],
    ...MAP_VERDICTS.flatMap((v) => [v, VERDICT_COLORS[v]]),
    VERDICT_COLORS.unjudged,
  ] as unknown as ExpressionSpecification;
const byStatus = (): ExpressionSpecification =>
  [
    'match',
    ['get', 'status'],
    ...ZONE_STATUSES.flatMap((s) => [s, ZONE_COLORS[s]]),
    ZONE_COLORS.unknown,
  ] as unknown as ExpressionSpecification;

export const LAYER_GROUPS = {
  zones: ['zones-fill', 'zones-line'],
  plans: ['sites-buffer', 'sites-buffer-line', 'sites-point', 'convoys-casing', 'convoys-line'],
  incidents: ['incident-clusters', 'incident-points'],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

/** Layers a click can select, most specific first. */
export const CLICKABLE = ['incident-points', 'incident-clusters', 'sites-point', 'convoys-line', 'zones-fill'] as const;

export function addDataLayers(map: MapLibreMap): void {
  for (const id of ['zones', 'sites', 'convoys', 'incident-clusters', 'incident-points'])
    map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: 'zones-fill',
    type: 'fill',
    source: 'zones',
    paint: { 'fill-color': byStatus(), 'fill-opacity': 0.22 },
  });
  map.addLayer({
    id: 'zones-line',
    type: 'line',
    source: 'zones',
    paint: { 'line-color': byStatus(), 'line-width': 1.6, 'line-opacity': 0.9 },
  });
  map.addLayer({
    id: 'sites-buffer',
    type: 'fill',
    source: 'sites',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': SITE_COLOR, 'fill-opacity': 0.1 },
  });
  map.addLayer({
    id: 'sites-buffer-line',
    type: 'line',
    source: 'sites',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': SITE_COLOR, 'line-width': 1.2, 'line-dasharray': [2, 2] },
  });
  map.addLayer({
    id: 'convoys-casing',
    type: 'line',
    source: 'convoys',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': 6 },
  });
  map.addLayer({
    id: 'convoys-line',
    type: 'line',
    source: 'convoys',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': CONVOY_COLOR, 'line-width': 3, 'line-dasharray': [1.5, 1.2] },
  });
  map.addLayer({
    id: 'sites-point',
    type: 'circle',
    source: 'sites',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 6,
      'circle-color': '#ffffff',
      'circle-stroke-color': SITE_COLOR,
      'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: 'incident-clusters',
    type: 'circle',
    source: 'incident-clusters',
    paint: {
      'circle-radius': ['get', 'radius'],
      'circle-color': byVerdict(),
      'circle-opacity': 0.82,
      'circle-stroke-color': ['case', ['>', ['get', 'violations'], 0], VERDICT_COLORS.violation, '#ffffff'],
      'circle-stroke-width': ['case', ['>', ['get', 'violations'], 0], 3, 2],
    },
  });
  map.addLayer({
    id: 'incident-points',
    type: 'circle',
    source: 'incident-points',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 5, 12, 8],
      'circle-color': byVerdict(),
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.8,
    },
  });
}

export function setGroupVisible(map: MapLibreMap, group: LayerGroup, visible: boolean): void {
  for (const id of LAYER_GROUPS[group])
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

export function setSourceData(map: MapLibreMap, source: string, data: unknown): void {
  const s = map.getSource(source) as { setData?(d: unknown): void } | undefined;
  s?.setData?.(data);
}
