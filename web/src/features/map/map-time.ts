/**
 * The map's time: a local day of the truce's timezone and a window of days before it. Turns
 * them into the instants the API takes, and reads/writes them in the page's query string.
 */
import { addDays, daysBetween, instantOfLocal, localDate } from '../../i18n/format.ts';

export const WINDOWS = ['7', '30', '90', 'all'] as const;
export type Window = (typeof WINDOWS)[number];

export interface MapTime {
  day: string;
  window: Window;
}

/** [from, to) of the incidents shown: the window's days up to the end of `day`. */
export function timeRange(time: MapTime, tz: string): { from: string | null; to: string } {
  const to = new Date(instantOfLocal(addDays(time.day, 1), tz)).toISOString();
  if (time.window === 'all') return { from: null, to };
  return { from: new Date(instantOfLocal(addDays(time.day, 1 - Number(time.window)), tz)).toISOString(), to };
}

/** The instant the zones are shown as of: the end of the day (control as it stood that evening). */
export function asOfInstant(day: string, tz: string): string {
  return new Date(instantOfLocal(addDays(day, 1), tz) - 1).toISOString();
}

export interface DayRange {
  first: string;
  last: string;
}

/** The slider's days: from the first incident to the last (or the year to today with none). */
export function dayRange(
  extent: { first: string | null; last: string | null } | undefined,
  tz: string,
  now: number,
): DayRange {
  const today = localDate(now, tz);
  if (!extent?.first || !extent.last) return { first: addDays(today, -365), last: today };
  return { first: localDate(extent.first, tz), last: localDate(extent.last, tz) };
}

export function clampDay(day: string, range: DayRange): string {
  return day < range.first ? range.first : day > range.last ? range.last : day;
}

export function readMapTime(query: URLSearchParams, range: DayRange): MapTime {
  const day = query.get('day');
  const w = query.get('window');
  return {
    day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? clampDay(day, range) : range.last,
    window: (WINDOWS as readonly string[]).includes(w ?? '') ? (w as Window) : '30',
  };
}

export const dayIndex = (range: DayRange, day: string): number => daysBetween(range.first, day);
export const dayAt = (range: DayRange, index: number): string => addDays(range.first, index);

/** The same time as the incident list's filters: local days, both included. */
export function listDays(time: MapTime): { from: string | null; to: string } {
  return { from: time.window === 'all' ? null : addDays(time.day, 1 - Number(time.window)), to: time.day };
}

/** The map's view in the query string: `view=lon,lat,zoom`. */
export function readView(query: URLSearchParams): { lon: number; lat: number; zoom: number } | null {
  const parts = (query.get('view') ?? '').split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lon, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 22) return null;
  return { lon, lat, zoom };
}

export function writeView(v: { lon: number; lat: number; zoom: number }): string {
  return `${v.lon.toFixed(4)},${v.lat.toFixed(4)},${v.zoom.toFixed(1)}`;
}
