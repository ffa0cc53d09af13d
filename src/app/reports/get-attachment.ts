/** A report's attachment, its bytes and SHA-256, when the caller may see the report. */
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getAttachment(
  ctx: AppContext,
  caller: Caller | null,
  reportId: string,
  attachmentId: string,
): Promise<reports.StoredAttachment> {
  const c = requireCaller(caller);
  const attachment = await asReader(ctx.db, readerOf(c), (sql) => reports.getAttachment(sql, reportId, attachmentId));
  if (!attachment) throw notFound('attachment', `${reportId}/${attachmentId}`);
  return attachment;
}
