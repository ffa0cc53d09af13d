/**
 * Place names on the map in the user's language. MapLibre draws text from glyph files fetched
 * from a server, and shapes Arabic only with a plugin; with no internet the names are HTML
 * elements placed on the map instead, which the browser shapes and lays out right-to-left.
 */
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import type { Lang } from '../i18n/format.ts';

export interface AdminLabel {
  pcode: string;
  level: 1 | 2;
  name_en: string;
  name_ar: string;
  lon: number;
  lat: number;
}

interface BoundaryCollection {
  features: { properties: { pcode: string; name_en: string; name_ar: string; label_lon: number; label_lat: number } }[];
}

export async function loadAdminLabels(base = ''): Promise<AdminLabel[]> {
  const [a1, a2] = await Promise.all(
    [1, 2].map(
      async (level) => (await fetch(`${base}/boundaries/admin${level}.geojson`)).json() as Promise<BoundaryCollection>,
    ),
  );
  const of = (c: BoundaryCollection | undefined, level: 1 | 2): AdminLabel[] =>
    (c?.features ?? []).map((f) => ({
      pcode: f.properties.pcode,
      level,
      name_en: f.properties.name_en,
      name_ar: f.properties.name_ar,
      lon: f.properties.label_lon,
      lat: f.properties.label_lat,
    }));
  return [...of(a1, 1), ...of(a2, 2)];
}

/** Governorates up to zoom 7.5, districts from zoom 7.5. */
export function labelVisible(level: 1 | 2, zoom: number): boolean {
  return level === 1 ? zoom < 7.5 : zoom >= 7.5;
}

export function labelText(label: AdminLabel, lang: Lang): string {
  return lang === 'ar' ? label.name_ar || label.name_en : label.name_en || label.name_ar;
}

/** Adds the labels to the map; returns a function that changes their language, and one that removes them. */
export function addAdminLabels(
  map: MapLibreMap,
  labels: readonly AdminLabel[],
  lang: Lang,
  MarkerClass: typeof Marker,
): { setLang(lang: Lang): void; remove(): void } {
  const markers = labels.map((label) => {
    const el = document.createElement('div');
    el.className = `map-label map-label-${label.level}`;
    el.textContent = labelText(label, lang);
    el.setAttribute('aria-hidden', 'true');
    const marker = new MarkerClass({ element: el, anchor: 'center' }).setLngLat([label.lon, label.lat]);
    return { label, el, marker, shown: false };
  });
  const update = () => {
    const zoom = map.getZoom();
    for (const m of markers) {
      const show = labelVisible(m.label.level, zoom);
      if (show && !m.shown) m.marker.addTo(map);
      if (!show && m.shown) m.marker.remove();
      m.shown = show;
    }
  };
  map.on('zoomend', update);
  update();
  return {
    setLang(next) {
      for (const m of markers) {
        m.el.textContent = labelText(m.label, next);
        m.el.lang = next;
      }
    },
    remove() {
      map.off('zoomend', update);
      for (const m of markers) m.marker.remove();
    },
  };
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether a circle (centre and radius, in pixels) touches a rectangle. */
export function circleHitsRect(cx: number, cy: number, r: number, rect: Rect): boolean {
  const x = Math.max(rect.left, Math.min(cx, rect.right));
  const y = Math.max(rect.top, Math.min(cy, rect.bottom));
  return (cx - x) ** 2 + (cy - y) ** 2 <= r * r;
}

/** Fades the place names that a cluster covers, so its count stays readable. */
export function fadeCoveredLabels(
  container: HTMLElement,
  circles: readonly { x: number; y: number; r: number }[],
): void {
  const origin = container.getBoundingClientRect();
  for (const el of container.querySelectorAll<HTMLElement>('.map-label')) {
    const b = el.getBoundingClientRect();
    const rect = {
      left: b.left - origin.left,
      top: b.top - origin.top,
      right: b.right - origin.left,
      bottom: b.bottom - origin.top,
    };
    el.classList.toggle(
      'map-label-covered',
      circles.some((c) => circleHitsRect(c.x, c.y, c.r, rect)),
    );
  }
}
