/**
 * The console's map (MapLibre on the offline basemap, as the app's map): sites, movements, positions
 * and operations of the day, each with the reach it must keep clear; what is in a conflict drawn in
 * red. A click says what was clicked, in words (never an id). The view fits the conflicts (else all
 * the day's shapes) when they first come.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { maplibregl, type MapLibreMap, MapView } from '../../map/MapView.tsx';
import { boundsOf, type ConsoleFeature, type ConsoleLayer } from './console-features.ts';

export const LAYER_COLORS: Record<ConsoleLayer, string> = {
  site: '#1d3557',
  movement: '#0b7a75',
  position: '#6c3483',
  operation: '#c8102e',
};
const CONFLICT = '#c8102e';

const byLayer = (): ExpressionSpecification =>
  ['match', ['get', 'layer'], ...Object.entries(LAYER_COLORS).flat(), '#555555'] as unknown as ExpressionSpecification;
const is = (layer: ConsoleLayer, role: 'shape' | 'reach', type: string): maplibregl.FilterSpecification => [
  'all',
  ['==', ['get', 'layer'], layer],
  ['==', ['get', 'role'], role],
  ['==', ['geometry-type'], type],
];

function addLayers(map: MapLibreMap): void {
  map.addSource('console', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'console-reach',
    type: 'fill',
    source: 'console',
    filter: ['==', ['get', 'role'], 'reach'],
    paint: { 'fill-color': byLayer(), 'fill-opacity': ['case', ['==', ['get', 'layer'], 'operation'], 0.18, 0.08] },
  });
  map.addLayer({
    id: 'console-reach-line',
    type: 'line',
    source: 'console',
    filter: ['==', ['get', 'role'], 'reach'],
    paint: { 'line-color': byLayer(), 'line-width': 1.4, 'line-dasharray': [2, 2] },
  });
  map.addLayer({
    id: 'console-areas',
    type: 'fill',
    source: 'console',
    filter: ['all', ['==', ['get', 'role'], 'shape'], ['==', ['geometry-type'], 'Polygon']],
    paint: { 'fill-color': byLayer(), 'fill-opacity': 0.2, 'fill-outline-color': byLayer() },
  });
  map.addLayer({
    id: 'console-routes-casing',
    type: 'line',
    source: 'console',
    filter: is('movement', 'shape', 'LineString'),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['case', ['get', 'conflict'], CONFLICT, '#ffffff'], 'line-width': 7 },
  });
  map.addLayer({
    id: 'console-routes',
    type: 'line',
    source: 'console',
    filter: is('movement', 'shape', 'LineString'),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': LAYER_COLORS.movement, 'line-width': 3.5 },
  });
  map.addLayer({
    id: 'console-points',
    type: 'circle',
    source: 'console',
    filter: ['all', ['==', ['get', 'role'], 'shape'], ['==', ['geometry-type'], 'Point']],
    paint: {
      'circle-radius': ['case', ['==', ['get', 'layer'], 'operation'], 5, 7],
      'circle-color': ['case', ['==', ['get', 'layer'], 'operation'], CONFLICT, '#ffffff'],
      'circle-stroke-color': ['case', ['get', 'conflict'], CONFLICT, byLayer()],
      'circle-stroke-width': ['case', ['get', 'conflict'], 4, 3],
    },
  });
}

const CLICKABLE = ['console-points', 'console-routes', 'console-areas', 'console-reach'];

export function ConsoleMap({ features, label }: { features: ConsoleFeature[]; label: string }) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const fitted = useRef(false);
  const onReady = useCallback((m: MapLibreMap) => {
    addLayers(m);
    const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '260px' });
    m.on('click', (e) => {
      const [f] = m.queryRenderedFeatures(e.point, { layers: CLICKABLE });
      if (!f) return void popup.remove();
      popup
        .setLngLat(e.lngLat)
        .setText(String((f.properties as { label?: string }).label ?? ''))
        .addTo(m);
    });
    for (const id of CLICKABLE) {
      m.on('mouseenter', id, () => {
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', id, () => {
        m.getCanvas().style.cursor = '';
      });
    }
    setMap(m);
    return () => void popup.remove();
  }, []);

  useEffect(() => {
    if (!map) return;
    void (map.getSource('console') as maplibregl.GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: features as unknown as GeoJSON.Feature[],
    });
    // The conflicts first: the places at risk, else everything drawn.
    const box = boundsOf(features.filter((f) => f.properties.conflict)) ?? boundsOf(features);
    if (box && !fitted.current) {
      fitted.current = true;
      map.fitBounds(
        [
          [box[0], box[1]],
          [box[2], box[3]],
        ],
        { padding: 60, maxZoom: 12, duration: 0 },
      );
    }
    // For the end-to-end test: the day's shapes are drawn.
    map.once('idle', () => map.getContainer().setAttribute('data-drawn', String(features.length)));
    map.triggerRepaint();
  }, [map, features]);

  return <MapView onReady={onReady} label={label} className="map console-map-view" />;
}
