/**
 * The basemap, drawn with no internet: the OCHA boundaries (country, governorates, districts)
 * served with the app, on a plain background. A deployment that has tiles sets them on the
 * server (`truce serve --tile-url`), which puts them in a <meta> of the page: an XYZ raster
 * template, a raster PMTiles archive (pmtiles://…), or a MapLibre style (…/style.json, for
 * vector tiles). They are drawn under the boundaries. VITE_TRUCE_TILE_URL (an XYZ template) sets
 * tiles at build time instead; the server must still admit their origin (--tile-url does).
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

export const BOUNDARY_ATTRIBUTION = 'Boundaries © UN OCHA / UNCS COD-AB, CC BY 3.0 IGO';

/** Syria and a margin: where the map opens before it knows the data. */
export const DEFAULT_BOUNDS: [[number, number], [number, number]] = [
  [35.5, 32.2],
  [42.5, 37.4],
];

export interface BasemapTiles {
  kind: 'xyz' | 'pmtiles' | 'style';
  url: string;
}

/** The deployment's tiles: the server's setting in the page, else the build's, else none. */
export function basemapTiles(
  doc: Pick<Document, 'querySelector'> | null,
  buildUrl: string | undefined,
): BasemapTiles | null {
  const meta = doc?.querySelector('meta[name="truce-basemap"]');
  const url = meta?.getAttribute('content');
  const kind = meta?.getAttribute('data-kind');
  if (url && (kind === 'xyz' || kind === 'pmtiles' || kind === 'style')) return { kind, url };
  return buildUrl ? { kind: 'xyz', url: buildUrl } : null;
}

export function basemapStyle(options: { tiles?: BasemapTiles | null; base?: string } = {}): StyleSpecification {
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
        id: 'district-line',
        type: 'line',
        source: 'admin2',
        minzoom: 6.5,
        paint: {
          'line-color': '#b9c0c9',
          'line-width': ['interpolate', ['linear'], ['zoom'], 6.5, 0.4, 10, 1],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'governorate-line',
        type: 'line',
        source: 'admin1',
        paint: { 'line-color': '#8e99a8', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 10, 1.6] },
      },
      {
        id: 'country-line',
        type: 'line',
        source: 'admin0',
        paint: { 'line-color': '#4a5568', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 2.4] },
      },
    ],
  };
  const tiles = options.tiles;
  if (tiles && tiles.kind !== 'style') {
    style.sources.tiles =
      tiles.kind === 'xyz'
        ? { type: 'raster', tiles: [tiles.url], tileSize: 256 }
        : { type: 'raster', url: tiles.url, tileSize: 256 };
    style.layers.splice(1, 0, { id: 'tiles', type: 'raster', source: 'tiles', paint: { 'raster-opacity': 0.85 } });
    return outlinedOnly(style);
  }
  return style;
}

/** The country stays outlined, not filled, over tiles. */
const outlinedOnly = (style: StyleSpecification): StyleSpecification => ({
  ...style,
  layers: style.layers.filter((l) => l.id !== 'country-fill'),
});

/**
 * A deployment's style with the boundaries over it: its sources, glyphs and sprite, its layers,
 * then ours (their ids and source names prefixed, so that nothing of theirs is overwritten).
 */
export function overStyle(fetched: StyleSpecification, styleUrl: string, base = ''): StyleSpecification {
  const theirs = resolvedAgainst(fetched, styleUrl);
  const ours = outlinedOnly(basemapStyle({ base }));
  const sources = { ...theirs.sources };
  for (const [name, source] of Object.entries(ours.sources)) sources[`truce-${name}`] = source;
  const layers = ours.layers.flatMap((l): LayerSpecification[] =>
    l.type === 'background' ? [] : [{ ...l, id: `truce-${l.id}`, source: `truce-${l.source}` } as LayerSpecification],
  );
  return { ...theirs, sources, layers: [...theirs.layers, ...layers] };
}

/**
 * The style with its relative URLs (glyphs, sprite, sources) made absolute against the style's
 * own URL: given to MapLibre as an object, they would otherwise be read against the app's page.
 */
export function resolvedAgainst(style: StyleSpecification, styleUrl: string): StyleSpecification {
  const resolve = (url: string) =>
    /^[a-z][a-z0-9+.-]*:/i.test(url)
      ? url
      : // new URL() percent-encodes the braces of {z}, {fontstack} and the like: keep them.
        new URL(url, styleUrl).toString().replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  const sources: StyleSpecification['sources'] = {};
  for (const [name, source] of Object.entries(style.sources)) {
    const s = { ...source } as Record<string, unknown>;
    if (typeof s.url === 'string') s.url = resolve(s.url);
    if (Array.isArray(s.tiles)) s.tiles = (s.tiles as string[]).map(resolve);
    if (typeof s.data === 'string') s.data = resolve(s.data);
    sources[name] = s as unknown as StyleSpecification['sources'][string];
  }
  const sprite =
    style.sprite === undefined
      ? undefined
      : typeof style.sprite === 'string'
        ? resolve(style.sprite)
        : style.sprite.map((sp) => ({ id: sp.id, url: resolve(sp.url) }));
  return {
    ...style,
    sources,
    ...(style.glyphs !== undefined ? { glyphs: resolve(style.glyphs) } : {}),
    ...(sprite !== undefined ? { sprite } : {}),
  };
}
