/**
 * The geometry of an imported feature: its type checked, its area checked as a zone drawn by hand
 * is (domain/area-check.ts), and, when the caller asks, repaired first (domain/area-repair.ts);
 * every problem and repair named below the feature (`features[3].geometry.coordinates[0]`).
 */
import { type AreaCheckOptions, areaProblems } from '../../domain/area-check.ts';
import { repairArea } from '../../domain/area-repair.ts';
import type { Area, Geometry } from '../../domain/geo.ts';
import type { FieldProblem } from '../row-problems.ts';
import { type FeatureReader, flat, isPosition, isRing } from './features.ts';

type Raw = Record<string, unknown>;

/** `['coordinates', 0, 3]` below `features[2].geometry`: `features[2].geometry.coordinates[0][3]`. */
const below = (base: string, path: readonly (string | number)[]): string =>
  base + path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

/**
 * The feature's geometry if it is of one of `types` and sound (or repaired when `repair`), else
 * null with its problems added to the reader's; `repairs` hears what was repaired.
 */
export function readGeometry(
  r: FeatureReader,
  types: readonly Geometry['type'][],
  options: { repair: boolean; check: AreaCheckOptions },
  repairs: FieldProblem[],
): Geometry | null {
  const base = `${r.base}.geometry`;
  const g = r.geometry;
  if (g === null || g === undefined) return r.bad(base, 'problem.import_missing');
  const type = typeof g === 'object' && !Array.isArray(g) ? (g as Raw).type : undefined;
  if (typeof type !== 'string' || !(types as readonly string[]).includes(type))
    return r.bad(base, 'problem.import_geometry_type', {
      expected: { text: types.join(' / ') },
      value: { text: typeof type === 'string' ? type : JSON.stringify(g).slice(0, 40) },
    });
  const coordinates = (g as Raw).coordinates;
  const expected = { expected: { text: type } };
  const at = `${base}.coordinates`;
  if (type === 'Point') {
    if (!isPosition(coordinates)) return r.bad(at, 'problem.import_coordinates', expected);
    const [lon, lat] = coordinates;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
      return r.bad(at, 'problem.outside_world', { point: { point: { lon, lat } } });
    return { type: 'Point', coordinates: [lon, lat] };
  }
  let area: Area;
  if (type === 'Polygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0 || !coordinates.every(isRing))
      return r.bad(at, 'problem.import_coordinates', expected);
    area = { type: 'Polygon', coordinates: coordinates.map(flat) };
  } else if (type === 'MultiPolygon') {
    if (
      !Array.isArray(coordinates) ||
      coordinates.length === 0 ||
      !coordinates.every((p) => Array.isArray(p) && p.length > 0 && p.every(isRing))
    )
      return r.bad(at, 'problem.import_coordinates', expected);
    area = { type: 'MultiPolygon', coordinates: (coordinates as unknown[][]).map((p) => (p as never[]).map(flat)) };
  } else
    return r.bad(base, 'problem.import_geometry_type', {
      expected: { text: types.join(' / ') },
      value: { text: type },
    });

  if (options.repair) {
    const repaired = repairArea(area);
    area = repaired.area;
    for (const fix of repaired.repairs)
      repairs.push({ path: below(base, fix.path), message: fix.message, statement: fix.statement });
  }
  const problems = areaProblems(area, options.check);
  for (const p of problems) r.problems.push({ path: below(base, p.path), message: p.message, statement: p.statement });
  return problems.length === 0 ? area : null;
}
