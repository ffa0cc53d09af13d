/**
 * A MapLibre map on the offline basemap, with place names in the user's language. The page
 * that holds it adds its own layers in `onReady`.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { basemapStyle, DEFAULT_BOUNDS } from './basemap.ts';
import { addAdminLabels, loadAdminLabels } from './labels.ts';

maplibregl.setWorkerUrl(workerUrl);

export type MapLibreMap = maplibregl.Map;
export { maplibregl };

export interface MapViewProps {
  onReady(map: maplibregl.Map): void | (() => void);
  className?: string;
  label: string;
  bounds?: [[number, number], [number, number]];
  /** Where to open instead of the bounds: centre and zoom. */
  view?: { lon: number; lat: number; zoom: number } | null;
}

export function MapView({ onReady, className, label, bounds, view }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const { lang } = useI18n();
  const labels = useRef<{ setLang(l: typeof lang): void; remove(): void } | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: basemapStyle({ tileUrl: import.meta.env.VITE_TRUCE_TILE_URL as string | undefined }),
      ...(view ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom } : { bounds: bounds ?? DEFAULT_BOUNDS, fitBoundsOptions: { padding: 20 } }),
      attributionControl: { compact: false },
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 16,
      minZoom: 4,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.getCanvas().setAttribute('aria-label', label);
    let cleanup: void | (() => void);
    let gone = false;
    map.on('load', () => {
      if (gone) return;
      cleanup = onReadyRef.current(map);
      loadAdminLabels().then((l) => {
        if (!gone) labels.current = addAdminLabels(map, l, langRef.current, maplibregl.Marker);
      }).catch(() => undefined);
    });
    return () => {
      gone = true;
      if (typeof cleanup === 'function') cleanup();
      labels.current?.remove();
      labels.current = null;
      map.remove();
    };
    // The map is made once; the page changes its layers, not the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    labels.current?.setLang(lang);
  }, [lang]);

  return <div ref={container} className={className ?? 'map'} role="region" aria-label={label} />;
}
