/**
 * The rows of a UCDP GED CSV stream, each checked (ucdp-row.ts), chunk by chunk in constant
 * memory. A file that cannot be read on (its header lacks a column the import needs, or its CSV
 * is broken) ends with a UcdpFileError naming the line and why; a bad row does not end it.
 */
import { CsvSyntaxError, csvRecords } from '../csv-records.ts';
import { fileProblem, type FieldProblem, problemOf } from '../row-problems.ts';
import { checkUcdpRow, type RowCheck, UCDP_COLUMNS } from './ucdp-row.ts';

/** A file that cannot be read on from this line, said as a problem of the file. */
export class UcdpFileError extends Error {
  readonly code = 'UCDP_FILE';
  constructor(
    readonly line: number,
    readonly problem: FieldProblem,
  ) {
    super(problem.message);
  }
}

const UCDP_FILE = 'UCDP GED';

export interface CheckedUcdpRow {
  /** The line the row starts on, from 1 (the header is line 1). */
  line: number;
  check: RowCheck;
}

export interface UcdpRowChunk {
  rows: CheckedUcdpRow[];
  /** Bytes of input read so far. */
  bytesRead: number;
}

export async function* ucdpRows(input: AsyncIterable<Buffer | string>): AsyncGenerator<UcdpRowChunk> {
  let header: string[] | null = null;
  let places: (readonly [string, number])[] = [];
  try {
    for await (const chunk of csvRecords(input)) {
      const rows: CheckedUcdpRow[] = [];
      for (const { fields, line } of chunk.records) {
        if (header === null) {
          const missing = UCDP_COLUMNS.filter((c) => !fields.includes(c));
          if (missing.length > 0)
            throw new UcdpFileError(line, fileProblem('problem.import_header_lacks', UCDP_FILE, missing));
          header = fields;
          places = UCDP_COLUMNS.map((c) => [c, fields.indexOf(c)] as const);
          continue;
        }
        const check = checkUcdpRow(recordOf(places, fields));
        const count = fieldCount(header, fields);
        rows.push({
          line,
          check:
            count === null
              ? check
              : {
                  ok: false,
                  problems: [count, ...(check.ok ? [] : check.problems)],
                },
        });
      }
      yield { rows, bytesRead: chunk.bytesRead };
    }
    if (header === null) throw new UcdpFileError(1, fileProblem('problem.import_header_empty', UCDP_FILE));
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      throw new UcdpFileError(e.line, { path: '(file)', message: e.message, statement: e.statement });
    throw e;
  }
}

/** The UCDP columns of a record as column → text, by their places in the header. */
function recordOf(
  places: readonly (readonly [string, number])[],
  record: string[],
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [column, i] of places) out[column] = record[i];
  return out;
}

function fieldCount(header: string[], record: string[]): FieldProblem | null {
  return record.length === header.length
    ? null
    : problemOf('(row)', 'problem.import_fields', {
        count: { number: record.length },
        expected: { number: header.length },
      });
}
