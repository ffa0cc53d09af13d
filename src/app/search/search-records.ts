/**
 * Full-text search over incidents (headline, place) and reports (narrative, source), in English
 * and Arabic, ranked, as the caller may see them: row-level security decides, as for any read.
 */
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface SearchResults {
  incidents: incidents.IncidentView[];
  reports: reports.ReportRecord[];
}

export async function searchRecords(
  ctx: AppContext,
  caller: Caller | null,
  q: string,
  limit: number,
): Promise<SearchResults> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), async (sql) => ({
    incidents: await incidents.search(sql, q, limit),
    reports: await reports.search(sql, q, limit),
  }));
}
