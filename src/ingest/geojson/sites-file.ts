/**
 * Protected sites from a GeoJSON FeatureCollection (docs/imports.md): one Point, Polygon or
 * MultiPolygon feature a site, its properties the fields of a protected site entered by hand.
 *
 * | property | protected site |
 * |---|---|
 * | `id` (or the Feature's `id`) | the key a second import finds it by (required) |
 * | `kind` | what it is: `hospital`, `school`, `aid_facility`, ... (required) |
 * | `owner` | the actor whose site it is: an id or a name (required) |
 * | `buffer_m` | the distance to keep, in metres (0 when absent) |
 * | `valid_from`, `valid_to` | its period (from required; no end: until further notice) |
 * | `notified_to` | the actors told of it: ids or names, comma-separated (or an array) |
 *
 * A date alone is the first instant of that day in the world's timezone. A polygon is checked as a
 * zone's area is, anywhere in the world (a camp across the border is a site too).
 */
import type { ProtectedSite } from '../../domain/model.ts';
import { type FieldProblem, valueTerms } from '../row-problems.ts';
import { readGeometry } from './area-features.ts';
import { FeatureReader, type FeatureRow, type FeatureRows, featuresOf } from './features.ts';
import type { FeatureOptions } from './zones-file.ts';

export type ImportedSite = Omit<ProtectedSite, 'id'>;

export function siteRows(text: string, options: FeatureOptions): FeatureRows<ImportedSite> {
  const file = featuresOf(text);
  if (!file.ok) return file;
  return { ok: true, rows: file.features.map((f, i) => siteRow(i, f, options)) };
}

function siteRow(index: number, feature: unknown, options: FeatureOptions): FeatureRow<ImportedSite> {
  const r = new FeatureReader(index, feature, options.days);
  const repairs: FieldProblem[] = [];
  if (!r.isFeature) return { kind: 'bad', feature: index, problems: r.problems };
  const key = r.id();
  const kind = r.text('kind', true, 200);
  const actor = (path: string, name: string) =>
    options.actor(name) ?? r.bad(path, 'problem.import_unknown_actor', valueTerms(name));
  const ownerName = r.text('owner', true, 200);
  const owner = ownerName === null ? null : actor(r.path('owner'), ownerName);
  const bufferM = r.number('buffer_m', 0, 0);
  const from = r.instant(r.path('valid_from'), r.properties.valid_from, true);
  const to = r.instant(r.path('valid_to'), r.properties.valid_to, false);
  if (from !== null && to !== null && to <= from)
    r.bad(r.path('valid_to'), 'problem.import_after', { start: { text: 'valid_from' } });
  const raw = r.properties.notified_to;
  const notifiedTo: string[] = [];
  (r.list('notified_to') ?? []).forEach((n, k) => {
    const id = actor(Array.isArray(raw) ? `${r.path('notified_to')}[${k}]` : r.path('notified_to'), n);
    if (id !== null && !notifiedTo.includes(id)) notifiedTo.push(id);
  });
  const geometry = readGeometry(
    r,
    ['Point', 'Polygon', 'MultiPolygon'],
    { repair: options.repair, check: { extent: null } },
    repairs,
  );
  if (
    r.problems.length > 0 ||
    key === null ||
    kind === null ||
    owner === null ||
    bufferM === null ||
    from === null ||
    geometry === null
  )
    return { kind: 'bad', feature: index, problems: r.problems };
  return {
    kind: 'ok',
    feature: index,
    key,
    record: { kind, owner, geometry, bufferM, valid: { from, to }, notifiedTo },
    repairs,
  };
}
