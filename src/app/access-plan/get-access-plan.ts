/**
 * GET /access-plan?month=: the monthly access plan, derived from the convoy requests whose window
 * starts in the month (a calendar month in the world's timezone), as the caller may see them (a
 * request hidden from the caller is not counted: row-level security reads them). By default the
 * latest month with a request the caller may see, else this month. Also the months that have
 * requests, for the page's picker. Destinations at one town of the gazetteer are one location,
 * however the requests spell it. See docs/access.md.
 */
import { worldDayZone } from '../../domain/time.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { placeKeyNear } from '../map/where.ts';
import { type PlanFigures, planFigures } from './plan-figures.ts';

export interface AccessPlan {
  /** YYYY-MM */
  month: string;
  /** The month's first instant and the next month's, in the world's timezone. */
  from: number;
  to: number;
  timezone: string;
  /** The months (YYYY-MM) in which a request the caller may see starts, oldest first. */
  months: string[];
  figures: PlanFigures;
}

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const year = (n: number) => String(n).padStart(4, '0');
  return m === 12 ? `${year(y + 1)}-01` : `${year(y)}-${String(m + 1).padStart(2, '0')}`;
}

export async function getAccessPlan(
  ctx: AppContext,
  caller: Caller | null,
  month: string | undefined,
): Promise<AccessPlan> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), async (sql) => {
    const { timezone } = await settings.get(sql);
    const zone = worldDayZone(timezone);
    const months = [...new Set((await requests.windowStarts(sql)).map((t) => zone.localDate(t).slice(0, 7)))].sort();
    const chosen = month ?? months.at(-1) ?? zone.localDate(ctx.now()).slice(0, 7);
    const from = zone.startOf(`${chosen}-01`);
    const to = zone.startOf(`${nextMonth(chosen)}-01`);
    const found = await requests.listByWindowStart(sql, from, to);
    return { month: chosen, from, to, timezone, months, figures: planFigures(found, placeKeyNear) };
  });
}
