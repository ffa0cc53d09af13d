/**
 * A GeoJSON FeatureCollection read for an import (docs/imports.md): the document, its features,
 * and the properties each feature carries, read one by one with every problem named by the
 * feature's index and the property's path (`features[3].properties.valid_from`), said as a
 * statement (row-problems.ts). Pure: the readers of zones and sites build on it.
 */
import type { Position } from '../../domain/geo.ts';
import type { StatementCode, Term } from '../../domain/statements.ts';
import { parseInstant, type Instant } from '../../domain/time.ts';
import { IMPORT_ID } from '../incidents/imported-rows.ts';
import type { LocalDays } from '../local-day.ts';
import { type FieldProblem, problemOf, valueTerms } from '../row-problems.ts';

/** A feature read: refused with its problems, or its record, keyed by its id, with what was repaired. */
export type FeatureRow<T> =
  | { kind: 'bad'; feature: number; problems: FieldProblem[] }
  | { kind: 'ok'; feature: number; key: string; record: T; repairs: FieldProblem[] };

export type FeatureFile = { ok: true; features: unknown[] } | { ok: false; problem: FieldProblem };

/** A file's features read, or why it is not a FeatureCollection. */
export type FeatureRows<T> = { ok: true; rows: FeatureRow<T>[] } | { ok: false; problem: FieldProblem };

type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The document's features, or why it is not a FeatureCollection (named at `(file)`). */
export function featuresOf(text: string): FeatureFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, problem: problemOf('(file)', 'problem.import_json') };
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    return { ok: false, problem: problemOf('(file)', 'problem.import_not_collection') };
  if (doc.features.length === 0) return { ok: false, problem: problemOf('(file)', 'problem.import_no_features') };
  return { ok: true, features: doc.features };
}

/** The properties of feature `index`, read with the problems they have; `geometry` is the raw geometry. */
export class FeatureReader {
  readonly problems: FieldProblem[] = [];
  readonly base: string;
  readonly properties: Raw;
  readonly geometry: unknown;
  readonly isFeature: boolean;
  private readonly featureId: unknown;

  constructor(
    readonly index: number,
    feature: unknown,
    readonly days: LocalDays,
  ) {
    this.base = `features[${index}]`;
    this.isFeature = isObject(feature) && feature.type === 'Feature';
    if (!this.isFeature) this.problems.push(problemOf(this.base, 'problem.import_not_feature'));
    const f = isObject(feature) ? feature : {};
    this.properties = isObject(f.properties) ? f.properties : {};
    this.geometry = f.geometry;
    this.featureId = f.id;
  }

  /** The path of a property. */
  path = (key: string): string => `${this.base}.properties.${key}`;

  bad(path: string, code: StatementCode, params: Record<string, Term> = {}): null {
    this.problems.push(problemOf(path, code, params));
    return null;
  }

  /** The feature's id: the Feature's `id` member or `properties.id`, required. */
  id(): string | null {
    const raw = this.properties.id ?? this.featureId;
    const path = this.properties.id === undefined && this.featureId !== undefined ? `${this.base}.id` : this.path('id');
    if (raw === undefined || raw === null || raw === '') return this.bad(path, 'problem.import_missing');
    const id = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : null;
    if (id === null || !IMPORT_ID.test(id)) return this.bad(path, 'problem.import_id', valueTerms(String(raw)));
    return id;
  }

  /** A text property; null when absent or empty (a problem when required). */
  text(key: string, required = false, max = 500): string | null {
    const raw = this.properties[key];
    if (raw === undefined || raw === null || raw === '')
      return required ? this.bad(this.path(key), 'problem.import_missing') : null;
    if (typeof raw !== 'string') return this.bad(this.path(key), 'problem.import_text');
    const value = raw.trim();
    if (value === '') return required ? this.bad(this.path(key), 'problem.import_empty') : null;
    if (value.length > max) return this.bad(this.path(key), 'problem.max_length', { limit: { number: max } });
    return value;
  }

  /** A list of texts: a JSON array, or one text with commas between; [] when absent. */
  list(key: string, path = this.path(key), raw: unknown = this.properties[key]): string[] | null {
    if (raw === undefined || raw === null || raw === '') return [];
    if (typeof raw === 'string')
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return raw.map((s) => s.trim());
    return this.bad(path, 'problem.import_text');
  }

  /**
   * An instant: `YYYY-MM-DD` (the first instant of that day in the world's timezone) or an instant
   * with its offset (`2016-02-27T00:00:00+02:00`).
   */
  instant(path: string, raw: unknown, required: boolean): Instant | null {
    if (raw === undefined || raw === null || raw === '')
      return required ? this.bad(path, 'problem.import_missing') : null;
    const text = typeof raw === 'string' ? raw.trim() : String(raw);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text) && parseInstant(`${text}T00:00:00Z`) !== null) return this.days.start(text);
    return parseInstant(text) ?? this.bad(path, 'problem.import_date', valueTerms(text));
  }

  /** A number, `min` or more; `fallback` when absent. */
  number(key: string, min: number, fallback: number): number | null {
    const raw = this.properties[key];
    if (raw === undefined || raw === null || raw === '') return fallback;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
    if (!Number.isFinite(n) || n < min)
      return this.bad(this.path(key), 'problem.import_min', valueTerms(String(raw), { min }));
    return n;
  }
}

/** Whether `x` is a position: two finite numbers (a third, the height, is dropped). */
export const isPosition = (x: unknown): x is Position =>
  Array.isArray(x) && x.length >= 2 && x.length <= 3 && x.every((n) => typeof n === 'number' && Number.isFinite(n));

/** A ring: positions; its closing and its shape are the area checks' to judge. */
export const isRing = (x: unknown): x is Position[] => Array.isArray(x) && x.every(isPosition);

/** Positions without a height. */
export const flat = (ring: Position[]): Position[] => ring.map((p) => [p[0], p[1]]);
