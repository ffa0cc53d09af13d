/**
 * Imports over HTTP (docs/imports.md): the formats a file may come in, and the lines of progress
 * an import streams while it writes, which the web app's progress bar reads.
 */

/** UCDP GED CSV, ACLED CSV, HXL-tagged CSV of incidents. */
export const IMPORT_FORMATS = ['ucdp', 'acled', 'hxl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The media type of a streamed import's answer: one JSON object a line. */
export const IMPORT_PROGRESS_TYPE = 'application/x-ndjson';

/** A line of a streamed import: how far the writing is, then the report (or what stopped it). */
export type ImportLine =
  | { progress: { rows_written: number; rows_total: number } }
  | { report: unknown }
  | { error: { code: string; message: string } };

/** The largest file an import takes, by default: 200 MiB (the UCDP Syria file is 11 MB). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
