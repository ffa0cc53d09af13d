/**
 * GET /reports/{id}/source: the text a report was confirmed from (text intake), with the passage
 * its draft came from, as the reader may see them. A report the reader may not see is missing; a
 * report without a source, and one whose source the reader may not see, answer alike (none), so
 * that nothing tells a hidden source exists.
 */
import type { SourceKind } from '../../contract/intake.ts';
import { sourceKindOf } from '../../contract/intake.ts';
import type { Instant } from '../../domain/time.ts';
import type { DraftReport } from '../../ingest/text/draft-reports.ts';
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import * as sources from '../../store/source-text.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export interface ReportSource {
  id: string;
  /** The file's name, else the text's first line (an email's subject, a page's title). */
  title: string;
  kind: SourceKind;
  filename: string | null;
  language: 'en' | 'ar';
  textDate: string;
  receivedAt: Instant;
  /** Where in the text the report's draft came from. */
  passage: { start: number; end: number; text: string };
  content: string;
}

const TITLE_MAX = 120;

export function titleOf(s: Pick<sources.SourceTextRecord, 'filename' | 'content'>): string {
  if (s.filename) return s.filename;
  const line = s.content.trim().split('\n', 1)[0]!.trim();
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1).trimEnd()}…` : line;
}

export async function getReportSource(
  ctx: AppContext,
  caller: Caller | null,
  reportId: string,
): Promise<ReportSource | null> {
  const c = requireCaller(caller);
  const found = await asReader(ctx.db, readerOf(c), async (sql) => {
    const [report] = await reports.getMany(sql, [reportId]);
    return report ? { of: await sources.getOfReport(sql, reportId) } : null;
  });
  if (!found) throw notFound('report', reportId);
  if (!found.of) return null;
  const { draft, source } = found.of;
  return {
    id: source.id,
    title: titleOf(source),
    kind: sourceKindOf(source.mediaType),
    filename: source.filename,
    language: source.language,
    textDate: source.textDate,
    receivedAt: source.receivedAt,
    passage: (draft.draft as unknown as DraftReport).span,
    content: source.content,
  };
}
