/**
 * The daily report as a PDF: the figures of get-daily-report.ts, written by render-daily-report.ts
 * and printed by the server's PDF printer (Chromium, launched on the first request: decision 026).
 */
import type { Language } from '../../contract/email.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { type DailyReportQuery, getDailyReport } from './get-daily-report.ts';
import { PdfUnavailable } from './pdf-printer.ts';
import { renderDailyReport } from './render-daily-report.ts';

export async function printDailyReport(
  ctx: AppContext,
  caller: Caller | null,
  query: DailyReportQuery,
  options: { lang: Language; linkBase: string },
): Promise<{ pdf: Buffer; filename: string }> {
  const report = await getDailyReport(ctx, caller, query);
  if (!ctx.pdf) throw unavailable('this server prints no PDF (it was started without a PDF printer)');
  const { html } = renderDailyReport(report, { ...options, at: ctx.now() });
  try {
    const pdf = await ctx.pdf.print(html);
    const area = `${report.area.pcode ? `-${report.area.pcode}` : ''}${report.area.polygon ? '-drawn' : ''}`;
    return { pdf, filename: `truce-daily-report-${report.date}${area}-${report.edition}-${options.lang}.pdf` };
  } catch (e) {
    if (e instanceof PdfUnavailable) throw unavailable(e.message);
    throw e;
  }
}

const unavailable = (why: string) => new AppError('UNAVAILABLE', `the PDF cannot be made: ${why}`);
