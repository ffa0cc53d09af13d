/**
 * Writing CSV (RFC 4180) for spreadsheets: a field in quotes when it holds a comma, a quote or a
 * line break, CRLF between records, and a byte order mark first, so that Excel reads the UTF-8
 * (Arabic names) as UTF-8. A text that a spreadsheet would run as a formula (one starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is kept as text by a leading apostrophe.
 */

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
export const BYTE_ORDER_MARK = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRecord = (values: readonly CsvValue[]): string => `${values.map(csvField).join(',')}\r\n`;
