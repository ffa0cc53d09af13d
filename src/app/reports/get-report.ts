/** One report, as the caller may see it. */
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

// The record this use case gives, for the routes that describe it (they do not import the store).
export type { ReportRecord } from '../../store/report.repository.ts';

export async function getReport(ctx: AppContext, caller: Caller | null, id: string): Promise<reports.ReportRecord> {
  const c = requireCaller(caller);
  const [report] = await asReader(ctx.db, readerOf(c), (sql) => reports.getMany(sql, [id]));
  if (!report) throw notFound('report', id);
  return report;
}
