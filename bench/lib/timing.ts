/** Wall-clock timing with the monotonic clock, and the summaries benchmarks report. */

export interface Timed<T> {
  ms: number;
  value: T;
}

export function timed<T>(fn: () => T): Timed<T> {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Runs fn `runs` times; returns each duration in ms and the value of the last run. */
export function repeat<T>(runs: number, fn: () => T): { ms: number[]; value: T } {
  const ms: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const run = timed(fn);
    ms.push(run.ms);
    value = run.value;
  }
  if (value === undefined) throw new Error('repeat needs at least one run');
  return { ms, value };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank quantile: the smallest value at least a share `q` of the values are at or below. */
export function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

/** Rounded to `digits` decimals, for figures that should not pretend to more precision. */
export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
