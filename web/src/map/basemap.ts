/**
 * The basemap, drawn with no internet: the OCHA boundaries (country, governorates, districts)
 * served with the app, on a plain background. A deployment that has raster tiles can set
 * VITE_TRUCE_TILE_URL (an XYZ template) at build time; they are drawn under the boundaries.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const BOUNDARY_ATTRIBUTION = 'Boundaries © UN OCHA / UNCS COD-AB, CC BY 3.0 IGO';

/** Syria and a margin: where the map opens before it knows the data. */
export const DEFAULT_BOUNDS: [[number, number], [number, number]] = [[35.5, 32.2], [42.5, 37.4]];

export function basemapStyle(options: { tileUrl?: string | undefined; base?: string } = {}): StyleSpecification {
  const base = options.base ?? '';
  const style: StyleSpecification = {
    version: 8,
    sources: {
      admin0: { type: 'geojson', data: `${base}/boundaries/admin0.geojson`, attribution: BOUNDARY_ATTRIBUTION },
      admin1: { type: 'geojson', data: `${base}/boundaries/admin1.geojson` },
      admin2: { type: 'geojson', data: `${base}/boundaries/admin2.geojson` },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe5ec' } },
      { id: 'country-fill', type: 'fill', source: 'admin0', paint: { 'fill-color': '#fbfaf7' } },
      {
        id: 'district-line', type: 'line', source: 'admin2', minzoom: 6.5,
        paint: { 'line-color': '#b9c0c9', 'line-width': ['interpolate', ['linear'], ['zoom'], 6.5, 0.4, 10, 1], 'line-dasharray': [3, 2] },
      },
      {
        id: 'governorate-line', type: 'line', source: 'admin1',
        paint: { 'line-color': '#8e99a8', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 10, 1.6] },
      },
      { id: 'country-line', type: 'line', source: 'admin0', paint: { 'line-color': '#4a5568', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 2.4] } },
    ],
  };
  if (options.tileUrl) {
    style.sources.tiles = { type: 'raster', tiles: [options.tileUrl], tileSize: 256 };
    style.layers.splice(1, 0, { id: 'tiles', type: 'raster', source: 'tiles', paint: { 'raster-opacity': 0.85 } });
    // The country stays outlined, not filled, over tiles.
    style.layers = style.layers.filter((l) => l.id !== 'country-fill');
  }
  return style;
}
