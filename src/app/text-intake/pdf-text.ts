/**
 * The port through which text intake reads a PDF's text layer: an adapter runs Debian's
 * `pdftotext` (src/adapters/pdftotext.ts). A reader that cannot run its program says so with
 * `PdfTextUnavailable`, which intake answers with 503 naming what is missing.
 */
export interface PdfTextReader {
  /** The text of a PDF's pages, in reading order; empty for a PDF without a text layer (a scan). */
  read(pdf: Buffer): Promise<string>;
}

export class PdfTextUnavailable extends Error {}
/** The bytes are not a PDF the program could read. */
export class PdfUnreadable extends Error {}
