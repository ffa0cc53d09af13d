/**
 * What a benchmark is: a name, a sentence, and a run that returns a table for people, figures
 * for the JSON file, and the goal it was held to.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Cell = string | number;

export interface Goal {
  /** What is promised, in words: "at least 300,000 incidents/s with the flatbush index". */
  description: string;
  unit: string;
  target: number;
  measured: number;
  met: boolean;
}

export interface BenchResult {
  /** Column headers, in order; each row holds a cell per column. */
  columns: string[];
  rows: Record<string, Cell>[];
  /** Sentences printed under the table: what was measured and how. */
  notes: string[];
  /** The numbers behind the table and anything else worth keeping, for the JSON file. */
  figures: Record<string, Json>;
  goal: Goal | null;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export function atLeast(description: string, unit: string, target: number, measured: number): Goal {
  return { description, unit, target, measured, met: measured >= target };
}

export function atMost(description: string, unit: string, target: number, measured: number): Goal {
  return { description, unit, target, measured, met: measured <= target };
}
