/**
 * Triage: an analyst takes a report out of the inbox without making it an account of an
 * incident (discarded with a reason, or a duplicate of another report), or puts it back. The
 * report is kept either way; the audit trail holds each decision, and an entry naming an
 * original is shown only to who may see that original too.
 */
import type { TriageState } from '../../domain/assessment.ts';
import { statement } from '../../domain/statements.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as reports from '../../store/report.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { reportSaved, saveReportChange } from './report-change.ts';

export interface TriageInput {
  /** `inbox` puts the report back. */
  state: TriageState | 'inbox';
  reason: string | null;
  /** The original, for a duplicate. */
  duplicateOf: string | null;
}

const snapshot = (t: reports.Triage | null) => ({
  triage: t?.state ?? null,
  reason: t?.reason ?? null,
  duplicate_of: t?.duplicateOf ?? null,
});

export async function triageReport(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: TriageInput,
): Promise<reports.ReportRecord> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const wrote = await ctx.db.transaction(async (tx) => {
    const { report, linkedTo, original } = await readWithin(tx, readerOf(c), async (sql) => {
      const current = await reports.lockMany(sql, [id]);
      const [report] = current.has(id) ? await reports.getMany(sql, [id]) : [];
      if (!report) throw notFound('report', id);
      const [original] = input.duplicateOf ? await reports.getMany(sql, [input.duplicateOf]) : [];
      return { report, linkedTo: current.get(id) ?? null, original };
    });
    const next: reports.Triage | null =
      input.state === 'inbox'
        ? null
        : { state: input.state, reason: input.reason, duplicateOf: input.duplicateOf, by: c.userId, at };
    if (next !== null && linkedTo !== null)
      throw new AppError(
        'CONFLICT',
        `report "${id}" is an account of an incident: unlink it before setting it aside`,
        'state',
        statement('error.report_in_incident'),
      );
    if (next?.state === 'duplicate') {
      if (input.duplicateOf === id) throw invalid('duplicate_of', 'must name another report');
      if (!original) throw invalid('duplicate_of', `unknown report "${input.duplicateOf}"`);
      if (original.triage?.state === 'duplicate')
        throw new AppError(
          'VALIDATION',
          `report "${original.id}" is itself a duplicate: name its original`,
          'duplicate_of',
          statement('error.duplicate_of_duplicate'),
        );
    }
    // What is stored (read as the owner): the original of a duplicate may be hidden from the caller.
    const [stored] = await reports.getMany(tx, [id]);
    const change = {
      action: next === null ? 'restore' : next.state === 'duplicate' ? 'mark-duplicate' : 'discard',
      before: snapshot(stored!.triage),
      after: snapshot(next),
    };
    return saveReportChange(tx, c, at, report, change, () => reports.triage(tx, id, next));
  });
  return reportSaved(ctx, c, id, at, wrote);
}
