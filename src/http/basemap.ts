/**
 * The deployment's own map tiles, if it has any (`truce serve --tile-url`, or TRUCE_TILE_URL).
 * Without them the map draws the OCHA boundaries served with the app, and needs no internet.
 * Three kinds are understood:
 *
 *   xyz      a raster template such as https://tiles.example.org/{z}/{x}/{y}.png
 *   pmtiles  a raster PMTiles archive: pmtiles://https://files.example.org/syria.pmtiles
 *   style    a MapLibre style document (vector tiles, PMTiles included): https://…/style.json
 *
 * The boundaries and every layer of the app are drawn over them. The web app learns the
 * setting from a <meta> in its page, and the Content-Security-Policy admits the tiles' origin.
 */

export type BasemapKind = 'xyz' | 'pmtiles' | 'style';

export interface Basemap {
  kind: BasemapKind;
  url: string;
  /** Where the browser fetches from (the CSP allows it). */
  origin: string;
}

const HOW =
  'must be an XYZ template with {z}, {x} and {y}, a pmtiles:// URL of an archive, or the URL of a MapLibre style ending in .json';

/** The setting, or a message saying what is wrong with it. */
export function parseBasemap(text: string): Basemap | string {
  const url = text.trim();
  const pmtiles = url.startsWith('pmtiles://');
  let parsed: URL;
  try {
    parsed = new URL(pmtiles ? url.slice('pmtiles://'.length) : url);
  } catch {
    return `"${url}" is not a URL: it ${HOW}`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `"${url}" is not http(s): it ${HOW}`;
  if (pmtiles) return { kind: 'pmtiles', url, origin: parsed.origin };
  // new URL() keeps the braces of a template in the path, percent-encoded.
  const template = decodeURI(parsed.pathname + parsed.search);
  if (['{z}', '{x}', '{y}'].every((p) => template.includes(p))) return { kind: 'xyz', url, origin: parsed.origin };
  if (parsed.pathname.endsWith('.json')) return { kind: 'style', url, origin: parsed.origin };
  return `"${url}" ${HOW}`;
}
