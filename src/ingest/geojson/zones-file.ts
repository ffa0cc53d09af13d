/**
 * Zones of control from a GeoJSON FeatureCollection (docs/imports.md): one Polygon or
 * MultiPolygon feature a zone, its properties the zone's fields as the zone editor takes them.
 *
 * | property | zone |
 * |---|---|
 * | `id` (or the Feature's `id`) | the key a second import finds it by (required) |
 * | `name`, `name_ar` | its name, in Arabic too |
 * | `controlled_by` | who holds it: actors' ids or names, comma-separated (or an array) |
 * | `valid_from`, `valid_to` | since when (required with `controlled_by`), until when (none: still) |
 * | `source`, `confidence` | who said so; high, moderate or low |
 * | `control` | instead of the four above, the whole history: `[{actors, from, to, source, confidence}]` |
 *
 * A date alone is the first instant of that day in the world's timezone.
 */
import { CONTROL_CONFIDENCES, type ControlConfidence } from '../../contract/enums.ts';
import type { Area } from '../../domain/geo.ts';
import type { Instant } from '../../domain/time.ts';
import type { LocalDays } from '../local-day.ts';
import { type FieldProblem, valueTerms } from '../row-problems.ts';
import { readGeometry } from './area-features.ts';
import { FeatureReader, type FeatureRow, type FeatureRows, featuresOf } from './features.ts';

export interface ImportedControl {
  actors: string[];
  from: Instant;
  to: Instant | null;
  source: string | null;
  confidence: ControlConfidence | null;
}

export interface ImportedZone {
  name: string;
  nameAr?: string;
  geometry: Area;
  control: ImportedControl[];
}

export interface FeatureOptions {
  days: LocalDays;
  /** An actor's id for an id or name the file gives; null when no actor is known by it. */
  actor: (idOrName: string) => string | null;
  /** Repair what can be repaired (open rings, rings crossing themselves) rather than refuse it. */
  repair: boolean;
}

type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The file's zones, feature by feature; or why the file is not a FeatureCollection. */
export function zoneRows(text: string, options: FeatureOptions): FeatureRows<ImportedZone> {
  const file = featuresOf(text);
  if (!file.ok) return file;
  return { ok: true, rows: file.features.map((f, i) => zoneRow(i, f, options)) };
}

function zoneRow(index: number, feature: unknown, options: FeatureOptions): FeatureRow<ImportedZone> {
  const r = new FeatureReader(index, feature, options.days);
  const repairs: FieldProblem[] = [];
  if (!r.isFeature) return { kind: 'bad', feature: index, problems: r.problems };
  const key = r.id();
  const name = r.text('name', true, 200);
  const nameAr = r.text('name_ar', false, 200);
  const control = controlOf(r, options);
  const geometry = readGeometry(r, ['Polygon', 'MultiPolygon'], { repair: options.repair, check: {} }, repairs);
  if (r.problems.length > 0 || key === null || name === null || control === null || geometry === null)
    return { kind: 'bad', feature: index, problems: r.problems };
  return {
    kind: 'ok',
    feature: index,
    key,
    record: { name, ...(nameAr ? { nameAr } : {}), geometry: geometry as Area, control },
    repairs,
  };
}

function controlOf(r: FeatureReader, options: FeatureOptions): ImportedControl[] | null {
  const p = r.properties;
  if (p.control !== undefined && p.control !== null) {
    if (p.controlled_by !== undefined && p.controlled_by !== null)
      return r.bad(r.path('controlled_by'), 'problem.import_either', {
        one: { text: 'control' },
        other: { text: 'controlled_by' },
      });
    if (!Array.isArray(p.control)) return r.bad(r.path('control'), 'problem.type', { expected: { text: 'array' } });
    const entries = p.control.map((e, j) => {
      const at = `${r.path('control')}[${j}]`;
      if (!isObject(e)) return r.bad(at, 'problem.import_text');
      return entry(r, options, at, { by: 'actors', from: 'from', to: 'to' }, e);
    });
    return entries.every((e) => e !== null) ? (entries as ImportedControl[]) : null;
  }
  if (p.controlled_by === undefined || p.controlled_by === null || p.controlled_by === '') return [];
  const one = entry(r, options, `${r.base}.properties`, { by: 'controlled_by', from: 'valid_from', to: 'valid_to' }, p);
  return one === null ? null : [one];
}

/** One control entry from `raw`, its fields named by `keys`, its paths below `at`. */
function entry(
  r: FeatureReader,
  options: FeatureOptions,
  at: string,
  keys: { by: string; from: string; to: string },
  raw: Raw,
): ImportedControl | null {
  const before = r.problems.length;
  const names = r.list(keys.by, `${at}.${keys.by}`, raw[keys.by]);
  const actors: string[] = [];
  (names ?? []).forEach((n, k) => {
    const id = options.actor(n);
    if (id === null)
      r.bad(
        `${at}.${keys.by}${Array.isArray(raw[keys.by]) ? `[${k}]` : ''}`,
        'problem.import_unknown_actor',
        valueTerms(n),
      );
    else if (!actors.includes(id)) actors.push(id);
  });
  const from = r.instant(`${at}.${keys.from}`, raw[keys.from], true);
  const to = r.instant(`${at}.${keys.to}`, raw[keys.to], false);
  if (from !== null && to !== null && to <= from)
    r.bad(`${at}.${keys.to}`, 'problem.import_after', { start: { text: keys.from } });
  const source = typeof raw.source === 'string' && raw.source.trim() !== '' ? raw.source.trim().slice(0, 500) : null;
  const c = raw.confidence;
  let confidence: ControlConfidence | null = null;
  if (c !== undefined && c !== null && c !== '') {
    if (typeof c === 'string' && (CONTROL_CONFIDENCES as readonly string[]).includes(c.trim().toLowerCase()))
      confidence = c.trim().toLowerCase() as ControlConfidence;
    else
      r.bad(`${at}.confidence`, 'problem.import_choice', {
        values: { text: CONTROL_CONFIDENCES.join(', ') },
        value: { text: String(c) },
      });
  }
  if (r.problems.length > before || from === null) return null;
  return { actors, from, to, source, confidence };
}
