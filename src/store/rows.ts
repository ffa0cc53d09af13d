/** Small conversions shared by the repositories: timestamps, nullable instants, stable JSON. */
import type { Instant } from '../domain/time.ts';

/** A timestamptz column as an instant (both drivers return Date). */
export const ms = (value: unknown): Instant => (value instanceof Date ? value.getTime() : Date.parse(String(value)));
export const msOrNull = (value: unknown): Instant | null => (value === null || value === undefined ? null : ms(value));
/** An instant as a parameter for a timestamptz column. */
export const ts = (t: Instant | null): string | null => (t === null ? null : new Date(t).toISOString());

/** JSON with object keys sorted, so equal records give equal text whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

export const sameRecord = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);
