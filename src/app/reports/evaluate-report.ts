/**
 * An analyst names a report's source and evaluates it on the NATO/Admiralty scale (source
 * reliability A-F, information credibility 1-6). Both are kept on the report, under its
 * classification; the audit trail holds each change.
 */
import type { InfoCredibility, SourceReliability } from '../../domain/assessment.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as reports from '../../store/report.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { reportSaved, saveReportChange } from './report-change.ts';

export interface EvaluationInput {
  source: string | null;
  reliability: SourceReliability | null;
  credibility: InfoCredibility | null;
}

const snapshot = (r: {
  source: string | null;
  evaluation: Pick<reports.Evaluation, 'reliability' | 'credibility'> | null;
}) => ({
  source: r.source,
  reliability: r.evaluation?.reliability ?? null,
  credibility: r.evaluation?.credibility ?? null,
});

export async function evaluateReport(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: EvaluationInput,
): Promise<reports.ReportRecord> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const wrote = await ctx.db.transaction(async (tx) => {
    const report = await readWithin(tx, readerOf(c), async (sql) => {
      const current = await reports.lockMany(sql, [id]);
      return current.has(id) ? (await reports.getMany(sql, [id]))[0] : undefined;
    });
    if (!report) throw notFound('report', id);
    const evaluation: reports.Evaluation | null =
      input.reliability === null && input.credibility === null
        ? null
        : { reliability: input.reliability, credibility: input.credibility, by: c.userId, at };
    const change = {
      action: 'evaluate',
      before: snapshot(report),
      after: snapshot({ source: input.source, evaluation }),
    };
    return saveReportChange(tx, c, at, report, change, () => reports.evaluate(tx, id, input.source, evaluation));
  });
  return reportSaved(ctx, c, id, at, wrote);
}
