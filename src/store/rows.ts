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

/**
 * Whether two records give the same stable JSON, without writing either out: a re-judgement
 * compares a million findings with those stored, and writing both out with sorted keys took
 * 40 µs a pair. Objects are compared key by key whatever their order, a key holding undefined
 * counting as absent (as JSON leaves it out); anything else JSON would write differently from
 * how it compares (a Date, NaN) is left to stableStringify; in an array, undefined is null.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return stableStringify(a) === stableStringify(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (!isPlain(a) || !isPlain(b)) return stableStringify(a) === stableStringify(b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    keys++;
    if (!Object.hasOwn(y, key) || !sameRecord(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) keys--;
  return keys === 0;
}

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};
