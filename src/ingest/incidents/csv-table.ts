/**
 * A CSV file with a header as records of column → text, chunk by chunk in constant memory, each
 * with the line it starts on. A header without a required column, or CSV that breaks off, ends it
 * with an ImportFileError; a row with more or fewer fields than the header is a bad row.
 */
import { CsvSyntaxError, csvRecords } from '../csv-records.ts';
import { fileProblem, type FieldProblem, problemOf } from '../row-problems.ts';
import { ImportFileError } from './imported-rows.ts';

export interface TableRow {
  line: number;
  values: Record<string, string>;
  /** When the row has as many fields as the header: null; else the problem. */
  fieldCount: FieldProblem | null;
}

export async function* csvTable(
  input: AsyncIterable<Buffer | string>,
  /** The format's name, as problems say it: `not in the ACLED format: ...`. */
  format: string,
  required: readonly string[],
  /** The header row: by default the first; HXL's tags come on the second. */
  isHeader: (fields: string[]) => boolean = () => true,
): AsyncGenerator<{ rows: TableRow[]; bytesRead: number; header: readonly string[] }> {
  let header: string[] | null = null;
  let seen = 0;
  try {
    for await (const chunk of csvRecords(input)) {
      const rows: TableRow[] = [];
      for (const { fields, line } of chunk.records) {
        if (header === null) {
          if (++seen > 5) throw new ImportFileError(line, fileProblem('problem.import_no_header', format));
          if (!isHeader(fields)) continue;
          const normal = fields.map((f) => f.trim());
          const missing = required.filter((c) => !normal.includes(c));
          if (missing.length > 0)
            throw new ImportFileError(line, fileProblem('problem.import_header_lacks', format, missing));
          header = normal;
          continue;
        }
        const values: Record<string, string> = {};
        header.forEach((h, i) => {
          if (h !== '' && !(h in values)) values[h] = fields[i] ?? '';
        });
        rows.push({
          line,
          values,
          fieldCount:
            fields.length === header.length
              ? null
              : problemOf('(row)', 'problem.import_fields', {
                  count: { number: fields.length },
                  expected: { number: header.length },
                }),
        });
      }
      yield { rows, bytesRead: chunk.bytesRead, header: header ?? [] };
    }
    if (header === null) throw new ImportFileError(1, fileProblem('problem.import_header_empty', format));
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      throw new ImportFileError(e.line, { path: '(file)', message: e.message, statement: e.statement });
    throw e;
  }
}
