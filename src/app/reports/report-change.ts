/** What the desk's changes to a report share: the write and its audit entry, then the event. */
import { sameRecord } from '../../store/rows.ts';
import type * as reports from '../../store/report.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { audit } from '../shared/audit.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { getReport } from './get-report.ts';

/**
 * In the caller's transaction: writes the change and its audit entry (at the report's
 * classification), unless it changes nothing; whether it wrote.
 */
export async function saveReportChange(
  tx: Sql,
  caller: Caller,
  at: number,
  report: Pick<reports.ReportRecord, 'id' | 'classification' | 'ownerOrg'>,
  change: { action: string; before: Record<string, unknown>; after: Record<string, unknown> },
  write: () => Promise<void>,
): Promise<boolean> {
  if (sameRecord(change.before, change.after)) return false;
  await write();
  await audit(tx, caller, at, [
    {
      ...change,
      entity: 'report',
      entityId: report.id,
      classification: report.classification,
      ownerOrg: report.ownerOrg,
    },
  ]);
  return true;
}

/** After the commit: kept reads dropped and the event sent when it wrote; the report as the caller sees it. */
export async function reportSaved(
  ctx: AppContext,
  caller: Caller,
  id: string,
  at: number,
  wrote: boolean,
): Promise<reports.ReportRecord> {
  if (wrote) {
    ctx.wrote('reports');
    ctx.events.publish({ type: 'report.updated', entity: 'report', id, at });
  }
  return getReport(ctx, caller, id);
}
