/**
 * A MapLibre map on the offline basemap, with place names in the user's language. The page
 * that holds it adds its own layers in `onReady`.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { basemapStyle, type BasemapTiles, basemapTiles, DEFAULT_BOUNDS, overStyle } from './basemap.ts';
import { addAdminLabels, loadAdminLabels } from './labels.ts';

maplibregl.setWorkerUrl(workerUrl);

export type MapLibreMap = maplibregl.Map;
export { maplibregl };

let pmtiles: Promise<void> | null = null;
/** pmtiles:// URLs are read through the PMTiles protocol, loaded and registered once, when needed. */
function registerPmtiles(): Promise<void> {
  pmtiles ??= import('pmtiles').then(({ Protocol }) => {
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
  });
  return pmtiles;
}

/** The style for the deployment's tiles; when a style document cannot be read, the boundaries alone. */
async function styleFor(tiles: BasemapTiles | null): Promise<StyleSpecification> {
  if (tiles === null || tiles.kind === 'xyz') return basemapStyle({ tiles });
  await registerPmtiles(); // a style may name pmtiles:// sources too
  if (tiles.kind === 'pmtiles') return basemapStyle({ tiles });
  try {
    const response = await fetch(tiles.url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return overStyle((await response.json()) as StyleSpecification, new URL(tiles.url, location.href).toString());
  } catch (e) {
    console.warn(`The map style ${tiles.url} could not be read (${String(e)}): drawing the boundaries alone.`);
    return basemapStyle();
  }
}

export interface MapViewProps {
  /** The map as soon as it is made: its view is known, its style not yet loaded. */
  onCreate?(map: maplibregl.Map): void;
  onReady(map: maplibregl.Map): void | (() => void);
  className?: string;
  label: string;
  bounds?: [[number, number], [number, number]];
  /** Where to open instead of the bounds: centre and zoom. */
  view?: { lon: number; lat: number; zoom: number } | null;
}

export function MapView({ onCreate, onReady, className, label, bounds, view }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const { lang } = useI18n();
  const labels = useRef<{ setLang(l: typeof lang): void; remove(): void } | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const onCreateRef = useRef(onCreate);
  onCreateRef.current = onCreate;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let map: maplibregl.Map | null = null;
    let cleanup: void | (() => void);
    let gone = false;
    const tiles = basemapTiles(document, import.meta.env.VITE_TRUCE_TILE_URL as string | undefined);
    void styleFor(tiles)
      .catch(() => basemapStyle())
      .then((style) => {
        if (gone) return;
        const m = new maplibregl.Map({
          container: element,
          style,
          ...(view
            ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom }
            : { bounds: bounds ?? DEFAULT_BOUNDS, fitBoundsOptions: { padding: 20 } }),
          attributionControl: { compact: false },
          dragRotate: false,
          pitchWithRotate: false,
          maxZoom: 16,
          minZoom: 4,
        });
        map = m;
        m.touchZoomRotate.disableRotation();
        m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
        m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
        m.getCanvas().setAttribute('aria-label', label);
        onCreateRef.current?.(m);
        m.on('load', () => {
          if (gone) return;
          cleanup = onReadyRef.current(m);
          loadAdminLabels()
            .then((l) => {
              if (!gone) labels.current = addAdminLabels(m, l, langRef.current, maplibregl.Marker);
            })
            .catch(() => undefined);
        });
      });
    return () => {
      gone = true;
      if (typeof cleanup === 'function') cleanup();
      labels.current?.remove();
      labels.current = null;
      map?.remove();
    };
    // The map is made once; the page changes its layers, not the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    labels.current?.setLang(lang);
  }, [lang]);

  return <div ref={container} className={className ?? 'map'} role="region" aria-label={label} />;
}
