/**
 * The incident list's filters: kept in the page's query string (a filtered list is a link that
 * can be shared), and turned into the API's query (days of the truce's timezone become instants;
 * an admin area goes by its pcode, and the server tests each incident against its boundary).
 */
import { addDays, instantOfLocal } from '../../i18n/format.ts';

export interface IncidentFilters {
  q: string;
  /** Local days, both included. */
  from: string;
  to: string;
  actor: string;
  act: string;
  verdict: string;
  status: string;
  /** An admin area's p-code, or empty. */
  area: string;
  /** minLon,minLat,maxLon,maxLat drawn on the map, or empty. */
  bbox: string;
}

export const EMPTY_FILTERS: IncidentFilters = {
  q: '',
  from: '',
  to: '',
  actor: '',
  act: '',
  verdict: '',
  status: '',
  area: '',
  bbox: '',
};
const KEYS = Object.keys(EMPTY_FILTERS) as (keyof IncidentFilters)[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BBOX = /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/;

export function readFilters(query: URLSearchParams): IncidentFilters {
  const f = { ...EMPTY_FILTERS };
  for (const k of KEYS) f[k] = query.get(k)?.trim() ?? '';
  if (!DAY.test(f.from)) f.from = '';
  if (!DAY.test(f.to)) f.to = '';
  if (!BBOX.test(f.bbox)) f.bbox = '';
  return f;
}

export function writeFilters(f: IncidentFilters): string {
  const q = new URLSearchParams();
  for (const k of KEYS) if (f[k]) q.set(k, f[k]);
  return q.toString();
}

export function activeFilterCount(f: IncidentFilters): number {
  return KEYS.filter((k) => f[k] !== '').length;
}

export interface ApiIncidentQuery {
  q?: string;
  from?: string;
  to?: string;
  actor?: string;
  act?: string;
  verdict?: string;
  status?: string;
  bbox?: string;
  admin?: string;
}

/** The API's filters. */
export function toApiQuery(f: IncidentFilters, tz: string): ApiIncidentQuery {
  const out: ApiIncidentQuery = {};
  if (f.q) out.q = f.q;
  if (f.from) out.from = new Date(instantOfLocal(f.from, tz)).toISOString();
  if (f.to) out.to = new Date(instantOfLocal(addDays(f.to, 1), tz)).toISOString();
  if (f.actor) out.actor = f.actor;
  if (f.act) out.act = f.act;
  if (f.verdict) out.verdict = f.verdict;
  if (f.status) out.status = f.status;
  // A box drawn on the map replaces the admin area (choosing one clears the other).
  if (f.bbox) out.bbox = f.bbox;
  else if (f.area) out.admin = f.area;
  return out;
}

/** Two clicked corners as a box, west-south to east-north, rounded to about 10 m. */
export function boxFromCorners(a: [number, number], b: [number, number]): string {
  const r = (n: number) => Math.round(n * 1e4) / 1e4;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])].map(r).join(',');
}
