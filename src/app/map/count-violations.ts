/**
 * Violations per local day of the truce's timezone, by governorate and by violator: each
 * incident with a violation finding counts once a day, under its area and under each violator
 * named. Read as the caller, so clearance applies.
 */
import { datesBetween, dayZone, isCalendarDate } from '../../domain/time.ts';
import { violatingIncidents } from '../../store/map.repository.ts';
import { asReader } from '../../store/reader.ts';
import { getSettings } from '../../store/settings.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { adminAreas, areaOf } from './admin-areas.ts';

export interface ViolationCounts {
  timezone: string;
  dates: string[];
  /** Per day, all areas together. */
  total: number[];
  areas: { pcode: string | null; name_en: string | null; name_ar: string | null; total: number; days: number[] }[];
  violators: { actor: string | null; total: number; days: number[] }[];
}

const DAY = 86_400_000;
const MAX_DAYS = 366;

export async function countViolations(ctx: AppContext, caller: Caller | null, window: { from?: string | undefined; to?: string | undefined }): Promise<ViolationCounts> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), async (sql) => {
    const settings = await getSettings(sql);
    const zone = dayZone(settings.timezone) ?? dayZone('Z')!;
    const to = window.to ?? zone.localDate(ctx.now());
    const from = window.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10);
    if (!isCalendarDate(from)) throw invalid('querystring.from', 'querystring.from: must be a date YYYY-MM-DD');
    if (!isCalendarDate(to)) throw invalid('querystring.to', 'querystring.to: must be a date YYYY-MM-DD');
    if (from > to) throw invalid('querystring.from', 'querystring.from: must not be after to');
    const dates = datesBetween(from, to);
    if (dates.length > MAX_DAYS) throw invalid('querystring.from', `querystring.from: the window is at most ${MAX_DAYS} days`);
    const index = new Map(dates.map((d, i) => [d, i]));

    const areas = adminAreas();
    const total = dates.map(() => 0);
    const byArea = new Map<string | null, number[]>();
    const byViolator = new Map<string | null, number[]>();
    const bump = <K>(map: Map<K, number[]>, key: K, day: number) => {
      const days = map.get(key) ?? dates.map(() => 0);
      days[day]! += 1;
      map.set(key, days);
    };
    // Two days of margin either side cover any UTC offset.
    for (const v of await violatingIncidents(sql, Date.parse(`${from}T00:00:00Z`) - 2 * DAY, Date.parse(`${to}T00:00:00Z`) + 3 * DAY)) {
      const day = index.get(zone.localDate(v.at.getTime()));
      if (day === undefined) continue;
      total[day]! += 1;
      bump(byArea, areaOf(areas, v.lon, v.lat)?.pcode ?? null, day);
      for (const actor of v.violators.length > 0 ? v.violators : [null]) bump(byViolator, actor, day);
    }
    const sum = (days: number[]) => days.reduce((a, b) => a + b, 0);
    const names = new Map(areas.map((a) => [a.pcode, a]));
    const byTotal = <T extends { total: number }>(a: T, b: T) => b.total - a.total;
    return {
      timezone: zone.name, dates, total,
      areas: [...byArea].map(([pcode, days]) => ({
        pcode, name_en: pcode ? names.get(pcode)?.nameEn ?? null : null, name_ar: pcode ? names.get(pcode)?.nameAr ?? null : null, total: sum(days), days,
      })).sort(byTotal),
      violators: [...byViolator].map(([actor, days]) => ({ actor, total: sum(days), days })).sort(byTotal),
    };
  });
}
