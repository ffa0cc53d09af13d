/**
 * GET /access-plan.csv?month=&lang=: the monthly access plan as HXL-tagged CSV (plan-csv.ts), read
 * as the caller like the page (hidden requests are not counted). Parties and governorates are named
 * in the language asked where the data has an Arabic name, and so are locations that are towns of
 * the gazetteer; other locations as the requests name them (every spelling in "As requested").
 */
import * as actors from '../../store/actor.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { whereIs } from '../map/where.ts';
import { getAccessPlan } from './get-access-plan.ts';
import { type PlanLanguage, planCsv, planRows } from './plan-csv.ts';

export const PLAN_CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

export async function exportAccessPlan(
  ctx: AppContext,
  caller: Caller | null,
  month: string | undefined,
  lang: PlanLanguage,
): Promise<{ filename: string; text: string }> {
  const c = requireCaller(caller);
  const plan = await getAccessPlan(ctx, c, month);
  const known = await asReader(ctx.db, readerOf(c), actors.list);
  const byId = new Map(known.map((a) => [a.id, a]));
  const rows = planRows(plan.figures, {
    party: (id) => {
      const a = byId.get(id);
      return (lang === 'ar' ? a?.nameAr : undefined) ?? a?.name ?? id;
    },
    location: (l) => {
      const place = l.byPlace ? whereIs(l.lon, l.lat).place : null;
      return place ? ((lang === 'ar' ? place.nameAr : null) ?? place.nameEn) : l.name;
    },
    governorate: (l) => {
      const g = whereIs(l.lon, l.lat).governorate;
      return g ? (lang === 'ar' ? g.nameAr : g.nameEn) : null;
    },
  });
  return { filename: `truce-access-plan-${plan.month}.hxl.csv`, text: planCsv(plan.month, rows, lang) };
}
