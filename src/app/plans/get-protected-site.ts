/** GET /protected-sites/{id}. */
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getProtectedSite(ctx: AppContext, caller: Caller | null, id: string): Promise<plans.SiteRecord> {
  const site = await asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => plans.getProtectedSite(sql, id));
  if (!site) throw notFound('protected site', id);
  return site;
}
