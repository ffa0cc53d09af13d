/**
 * The daily report's small map: a static SVG (no script, no tiles, no web font) of the governorates'
 * outlines and the day's incidents as dots coloured by their worst finding, so that it draws the same
 * in the web page, in Chromium's PDF and in a mail client. Equirectangular, shrunk east-west by the
 * cosine of the middle latitude; outlines thinned to what a 560-pixel map can show.
 */
import { type BBox, polygonsOf } from '../../domain/geo.ts';
import type { AdminArea } from '../map/admin-areas.ts';

/** The web map's colours (web/src/map/colors.ts), by rank: violation, needs review, permitted, not covered, -, unjudged. */
export const RANK_COLORS = ['#c8102e', '#e8a33d', '#2a9d8f', '#7d8597', '#7d8597', '#b8bec9'] as const;

export interface MapInput {
  areas: readonly AdminArea[];
  /** What the map shows: the chosen governorate's box, the box drawn, or every governorate. */
  view: BBox | null;
  /** The chosen governorate, drawn bolder. */
  highlight: string | null;
  /** The box drawn, outlined. */
  drawn: BBox | null;
  /** The area drawn (its ring), outlined. */
  outline?: readonly (readonly [number, number])[] | null;
  points: readonly { lon: number; lat: number; rank: number }[];
  label: string;
}

const WIDTH = 560;
const HEIGHT = 420;

export function reportMapSvg(m: MapInput): string {
  const all = m.areas.reduce<BBox>(
    (b, a) => [
      Math.min(b[0], a.bbox[0]),
      Math.min(b[1], a.bbox[1]),
      Math.max(b[2], a.bbox[2]),
      Math.max(b[3], a.bbox[3]),
    ],
    [180, 90, -180, -90],
  );
  const view = m.view ?? all;
  // A margin of 5 %, and at least a few kilometres around a small box.
  const padX = Math.max((view[2] - view[0]) * 0.05, 0.05);
  const padY = Math.max((view[3] - view[1]) * 0.05, 0.05);
  const [x0, y0, x1, y1] = [view[0] - padX, view[1] - padY, view[2] + padX, view[3] + padY];
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  // As wide as it may be, unless that makes it taller than HEIGHT: then as tall as that.
  const scale = Math.min(WIDTH / ((x1 - x0) * k), HEIGHT / (y1 - y0));
  const width = Math.round((x1 - x0) * k * scale);
  const height = Math.round((y1 - y0) * scale);
  const px = (lon: number) => (lon - x0) * k * scale;
  const py = (lat: number) => (y1 - lat) * scale;
  const path = (rings: readonly (readonly [number, number])[][]) =>
    rings
      .map((ring) => {
        let d = '';
        let last = '';
        for (const [lon, lat] of ring) {
          const p = `${px(lon).toFixed(1)} ${py(lat).toFixed(1)}`;
          if (p === last) continue;
          d += `${d ? 'L' : 'M'}${p}`;
          last = p;
        }
        return `${d}Z`;
      })
      .join('');
  const outlines = m.areas
    .filter((a) => a.bbox[2] >= x0 && a.bbox[0] <= x1 && a.bbox[3] >= y0 && a.bbox[1] <= y1)
    .map((a) => {
      const on = a.pcode === m.highlight;
      return `<path d="${path(polygonsOf(a.area).flat())}" fill="${on ? '#eef3f8' : '#f7f7f5'}" stroke="${on ? '#1d3557' : '#9aa3ad'}" stroke-width="${on ? 1.6 : 0.7}" stroke-linejoin="round"/>`;
    })
    .join('');
  const drawn = m.drawn
    ? `<rect x="${px(m.drawn[0]).toFixed(1)}" y="${py(m.drawn[3]).toFixed(1)}" width="${(px(m.drawn[2]) - px(m.drawn[0])).toFixed(1)}" height="${(py(m.drawn[1]) - py(m.drawn[3])).toFixed(1)}" fill="none" stroke="#1d3557" stroke-width="1.4" stroke-dasharray="5 3"/>`
    : '';
  const outline = m.outline
    ? `<path data-drawn-area d="${path([[...m.outline]])}" fill="#1d3557" fill-opacity="0.08" stroke="#1d3557" stroke-width="2" stroke-dasharray="6 3" stroke-linejoin="round"/>`
    : '';
  // The worst drawn last, on top.
  const dots = [...m.points]
    .sort((a, b) => b.rank - a.rank)
    .map(
      (p) =>
        `<circle cx="${px(p.lon).toFixed(1)}" cy="${py(p.lat).toFixed(1)}" r="4.5" fill="${RANK_COLORS[p.rank] ?? RANK_COLORS[5]}" stroke="#fff" stroke-width="1"/>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${escapeAttr(m.label)}" style="display:block;width:100%;max-width:${width}px;height:auto;background:#dfe8ef;border:1px solid #c5ccd3">` +
    `<title>${escapeAttr(m.label)}</title><clipPath id="report-map-clip"><rect width="${width}" height="${height}"/></clipPath>` +
    `<g clip-path="url(#report-map-clip)">${outlines}${drawn}${outline}${dots}</g></svg>`
  );
}

const escapeAttr = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
