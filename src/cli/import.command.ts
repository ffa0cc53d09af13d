/** `truce import ucdp FILE.csv[.gz]`: a progress bar on a terminal, then what was loaded and what was not. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { checkUcdpFile } from '../app/imports/check-ucdp-file.ts';
import { type ImportProgress, importUcdp, type RowReport, type UcdpImportResult } from '../app/imports/import-ucdp.ts';
import { type DbFlags, withDatabase } from './database.command.ts';
import { EXIT, type Io } from './io.ts';

/**
 * The file is read through first (checkUcdpFile): one the import would refuse is refused before
 * the database is opened, so nothing is written (not even a new data directory) and the only
 * thing printed is why.
 */
export async function importUcdpFile(io: Io, file: string, flags: DbFlags): Promise<number> {
  const { size } = await stat(file);
  const check = await checkUcdpFile(readCsv(file));
  if (check.refused) {
    io.err(
      `truce import ucdp: ${file}${check.refused.line === null ? '' : `, line ${check.refused.line}`}: ${check.refused.message}; nothing was imported.\n`,
    );
    if (check.rejectedCount > 0) {
      printRows(io, check.rejected);
      const more = check.rejectedCount - check.rejected.length;
      if (more > 0) io.err(`  ... and ${more.toLocaleString('en-US')} more rows rejected\n`);
    }
    return EXIT.failure;
  }
  return withDatabase(flags, async (db) => {
    // The bar counts the bytes of CSV read, which a gzipped file's size does not tell.
    const bar = io.isTty && !gzipped(file) ? progressBar(io, size) : null;
    const result = await importUcdp(db, readCsv(file), { ...(bar ? { onProgress: bar.draw } : {}) });
    bar?.done();
    report(io, file, result);
    return result.stopped === null && result.rowsRead > result.rejected.length ? EXIT.ok : EXIT.failure;
  });
}

const gzipped = (file: string) => file.endsWith('.gz');

/** The CSV of a file, unzipped as it is read when its name ends in .gz (as UCDP's downloads and data/ do). */
function readCsv(file: string): Readable {
  return gzipped(file) ? pipeline(createReadStream(file), createGunzip(), () => undefined) : createReadStream(file);
}

/** Notes are about rows that loaded (UCDP's own inconsistencies): the first few say what they are. */
const NOTES_SHOWN = 10;

function report(io: Io, file: string, r: UcdpImportResult): void {
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = (x: number) => `${n(x)} row${x === 1 ? '' : 's'}`;
  io.out(`Imported ${file}: ${rows(r.rowsRead)} read in ${(r.elapsedMs / 1000).toFixed(1)} s\n`);
  io.out(
    `  incidents  ${n(r.inserted)} new, ${n(r.alreadyPresent)} already stored, ${n(r.rejected.length)} rejected\n`,
  );
  io.out(`  actors     ${n(r.actorsAdded.length)} new\n`);
  io.out(`  findings   ${n(r.findings)} written\n`);
  if (r.notes.length > 0) {
    io.err(`${rows(r.notes.length)} loaded with a note:\n`);
    printRows(io, r.notes.slice(0, NOTES_SHOWN));
    if (r.notes.length > NOTES_SHOWN) io.err(`  ... and ${n(r.notes.length - NOTES_SHOWN)} more like them\n`);
  }
  if (r.rejected.length > 0) {
    io.err(`${rows(r.rejected.length)} rejected (the other rows loaded):\n`);
    printRows(io, r.rejected);
  }
  if (r.stopped) io.err(`Reading stopped at line ${r.stopped.line}: ${r.stopped.message}\n`);
  else if (r.rowsRead === 0) io.err('No rows to import.\n');
}

function printRows(io: Io, rows: RowReport[]): void {
  for (const row of rows) io.err(`  line ${row.line}: ${row.problems.join('; ')}\n`);
}

/** One line on stderr, redrawn in place: how much of the file is read, and how many rows. */
function progressBar(io: Io, size: number): { draw(p: ImportProgress): void; done(): void } {
  const width = 30;
  let last = -1;
  return {
    draw: ({ bytesRead, rowsRead }) => {
      const fraction = size > 0 ? Math.min(1, bytesRead / size) : 1;
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      const filled = Math.round(fraction * width);
      io.err(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${rowsRead.toLocaleString('en-US')} rows`,
      );
    },
    done: () => io.err('\r\x1b[2K'),
  };
}
