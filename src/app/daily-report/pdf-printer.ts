/**
 * The port through which the daily report becomes a PDF: the use case writes the HTML; an adapter
 * prints it in Chromium (src/adapters/chromium-pdf.ts), the same browser the end-to-end tests drive.
 * A printer that cannot start its browser (none installed) says so with `PdfUnavailable`, which the
 * API answers with 503 and a message naming what is missing.
 */
export interface PdfPrinter {
  /** An A4 PDF of a whole HTML document (inline styles and SVG only: nothing is fetched). */
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export class PdfUnavailable extends Error {}
