/**
 * Reads a UCDP GED file through before anything is stored, so that a file the import would
 * refuse writes nothing (`truce import ucdp` then does not even open the database): a header
 * without the columns the import needs, CSV that breaks off, no rows, or no row that could load.
 * A file with some bad rows is not refused: those rows are listed and the others load.
 * Reading is cheap beside storing (the 6,170 rows of the demo file: 0.06-0.25 s read on a
 * loaded 2-core machine, some seconds stored), and it runs in constant memory: only the first
 * rejected rows are kept.
 */
import { problemLine } from '../../ingest/row-problems.ts';
import type { Readable } from 'node:stream';
import { UcdpFileError, ucdpRows } from '../../ingest/ucdp/ucdp-file.ts';
import type { RowReport } from './import-ucdp.ts';

export interface UcdpFileCheck {
  /** Why the file is refused, or null when it can be imported. */
  refused: { line: number | null; message: string } | null;
  rowsRead: number;
  /** Rows that would load. */
  accepted: number;
  /** The first rejected rows (at most `rejectedShown`) and how many there are. */
  rejected: RowReport[];
  rejectedCount: number;
}

export async function checkUcdpFile(input: Readable, rejectedShown = 10): Promise<UcdpFileCheck> {
  const result: UcdpFileCheck = { refused: null, rowsRead: 0, accepted: 0, rejected: [], rejectedCount: 0 };
  try {
    for await (const chunk of ucdpRows(input)) {
      for (const { line, check } of chunk.rows) {
        result.rowsRead++;
        if (check.ok) {
          result.accepted++;
        } else {
          if (result.rejectedCount++ < rejectedShown)
            result.rejected.push({ line, problems: check.problems.map(problemLine) });
        }
      }
    }
  } catch (e) {
    if (!(e instanceof UcdpFileError)) throw e;
    result.refused = { line: e.line, message: e.message };
    return result;
  } finally {
    input.destroy();
  }
  if (result.rowsRead === 0) result.refused = { line: null, message: 'the file has no rows to import' };
  else if (result.accepted === 0)
    result.refused = {
      line: null,
      message: `none of its ${result.rowsRead.toLocaleString('en-US')} rows can be imported`,
    };
  return result;
}
