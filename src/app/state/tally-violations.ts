/**
 * Violations of a window tallied the ways the state of the truce shows them: per local day, by
 * agreement, by governorate and by violator. The unit is one violation finding (an incident or a
 * change of control judged a violation of one agreement), the same unit as "findings by verdict"
 * and the findings list, so the figures add up: the days, the agreements and the areas each sum
 * to the total. A finding with several violators (a seizure by two parties) counts under each of
 * them, so the violators' rows may sum to more.
 */
import { type Position, pointOnSurface } from '../../domain/geo.ts';
import { compareIds } from '../../domain/rulebook.ts';
import type { DayZone } from '../../domain/time.ts';
import type * as findings from '../../store/finding.repository.ts';
import { type AdminArea, areaOf } from '../map/admin-areas.ts';

export interface DailyRow<K> {
  key: K;
  total: number;
  /** One count per date of the window. */
  days: number[];
}

export interface ViolationTally {
  total: number;
  days: number[];
  byAgreement: DailyRow<string>[];
  /** By governorate pcode (null outside every governorate), with its names. */
  byArea: (DailyRow<string | null> & { nameEn: string | null; nameAr: string | null })[];
  /** null: a violation that names no violator. */
  byViolator: DailyRow<string | null>[];
}

/** Where a violation happened: the incident's place, or a point inside the zone (the rules' representative point). */
export function placeOf(v: findings.PlacedViolation, zonePoints: Map<string, Position | null>): Position | null {
  if (v.place) return [v.place.lon, v.place.lat];
  if (!v.zoneGeometry) return null;
  if (!zonePoints.has(v.subjectId)) zonePoints.set(v.subjectId, pointOnSurface(v.zoneGeometry));
  return zonePoints.get(v.subjectId) ?? null;
}

export function tallyViolations(
  violations: Iterable<findings.PlacedViolation>,
  zone: DayZone,
  dates: readonly string[],
  areas: readonly AdminArea[],
): ViolationTally {
  const index = new Map(dates.map((d, i) => [d, i]));
  const days = dates.map(() => 0);
  const byAgreement = new Map<string, number[]>();
  const byArea = new Map<string | null, number[]>();
  const byViolator = new Map<string | null, number[]>();
  const bump = <K>(map: Map<K, number[]>, key: K, day: number) => {
    const row = map.get(key) ?? dates.map(() => 0);
    row[day]! += 1;
    map.set(key, row);
  };
  const zonePoints = new Map<string, Position | null>();
  for (const v of violations) {
    const day = index.get(zone.localDate(v.at));
    // The window's instants are its days' own: a violation outside them is a caller's mistake, not a count.
    if (day === undefined) continue;
    days[day]! += 1;
    bump(byAgreement, v.agreement, day);
    const place = placeOf(v, zonePoints);
    bump(byArea, place ? (areaOf(areas, place[0], place[1])?.pcode ?? null) : null, day);
    for (const actor of v.violators.length > 0 ? v.violators : [null]) bump(byViolator, actor, day);
  }
  const rows = <K>(map: Map<K, number[]>): DailyRow<K>[] =>
    [...map]
      .map(([key, row]) => ({ key, total: row.reduce((a, b) => a + b, 0), days: row }))
      // Most first; ties by key, the row without one last.
      .sort(
        (a, b) =>
          b.total - a.total ||
          (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : compareIds(String(a.key), String(b.key))),
      );
  const names = new Map(areas.map((a) => [a.pcode, a]));
  return {
    total: days.reduce((a, b) => a + b, 0),
    days,
    byAgreement: rows(byAgreement),
    byViolator: rows(byViolator),
    byArea: rows(byArea).map((r) => {
      const area = r.key === null ? undefined : names.get(r.key);
      return { ...r, nameEn: area?.nameEn ?? null, nameAr: area?.nameAr ?? null };
    }),
  };
}
